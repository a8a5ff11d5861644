use openssl::ssl::{SslContextBuilder, SslVerifyMode};
use openssl::x509::X509VerifyResult;

pub fn self_signed_ok(builder: &mut SslContextBuilder) {
    builder.set_verify_callback(SslVerifyMode::PEER, |ok, ctx| ok || ctx.error() == X509VerifyResult::from_raw(18));
    //~^ verify_callback_overrides_errors
}

pub fn early_accept(builder: &mut SslContextBuilder) {
    builder.set_verify_callback(SslVerifyMode::PEER, |preverify_ok, ctx| {
        //~^ verify_callback_overrides_errors
        if ctx.error_depth() == 0 && ctx.error().as_raw() == 10 {
            return true;
        }
        preverify_ok
    });
}

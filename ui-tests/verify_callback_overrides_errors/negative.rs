use openssl::ssl::{SslContextBuilder, SslVerifyMode};

pub fn strict(builder: &mut SslContextBuilder) {
    builder.set_verify_callback(SslVerifyMode::PEER, |ok, ctx| {
        if !ok {
            return false;
        }
        ctx.error_depth() < 4
    });
    builder.set_verify_callback(SslVerifyMode::PEER, |ok, _ctx| {
        if ok {
            return true;
        }
        false
    });
}

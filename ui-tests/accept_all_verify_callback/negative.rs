use boring::ssl::{SslAlert, SslVerifyError};
use openssl::ssl::{SslContextBuilder, SslVerifyMode};

pub fn openssl(builder: &mut SslContextBuilder) {
    builder.set_verify_callback(SslVerifyMode::PEER, |preverify_ok, _ctx| preverify_ok);
    builder.set_verify_callback(SslVerifyMode::PEER, |ok, ctx| ok && ctx.error_depth() < 4);
    builder.set_verify_callback(SslVerifyMode::PEER, |_, _| false);
}

pub fn boring(builder: &mut boring::ssl::SslContextBuilder, pin: Vec<u8>) {
    builder.set_custom_verify_callback(SslVerifyMode::PEER, move |ssl| {
        match ssl.peer_certificate().and_then(|c| c.to_der().ok()) {
            Some(der) if der == pin => Ok(()),
            _ => Err(SslVerifyError::Invalid(SslAlert::BAD_CERTIFICATE)),
        }
    });
}

//@ level tls13_disabled=warn
use openssl::ssl::{SslAcceptor, SslContextBuilder, SslMethod, SslVersion};

fn presets() -> Result<(), openssl::error::ErrorStack> {
    let _ = SslAcceptor::mozilla_modern_v5(SslMethod::tls())?;
    let _ = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls())?;
    Ok(())
}

fn caps(ctx: &mut SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_min_proto_version(Some(SslVersion::TLS1_2))?;
    ctx.set_max_proto_version(Some(SslVersion::TLS1_3))
}

fn rustls_both() {
    let _ = rustls::ClientConfig::builder().with_protocol_versions(&[&rustls::version::TLS12, &rustls::version::TLS13]);
}

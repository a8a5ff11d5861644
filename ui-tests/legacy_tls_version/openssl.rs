use openssl::ssl::{SslAcceptor, SslContextBuilder, SslMethod, SslOptions, SslVersion};

fn floor(ctx: &mut SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_min_proto_version(Some(SslVersion::TLS1))?;
    //~^ legacy_tls_version
    ctx.set_min_proto_version(None)?;
    //~^ legacy_tls_version
    ctx.set_max_proto_version(Some(SslVersion::TLS1_1))
    //~^ legacy_tls_version
}

fn options(ctx: &mut SslContextBuilder) {
    ctx.clear_options(SslOptions::NO_TLSV1 | SslOptions::NO_TLSV1_1);
    //~^ legacy_tls_version
    ctx.set_options(SslOptions::NO_TLSV1_2);
    //~^ legacy_tls_version
}

fn actix_acceptor() -> std::io::Result<()> {
    let mut builder = SslAcceptor::mozilla_intermediate(SslMethod::tls()).unwrap();
    //~^ legacy_tls_version
    builder.set_private_key_file("key.pem", openssl::ssl::SslFiletype::PEM).unwrap();
    Ok(())
}

// Two independent objects in one function: the connector's minimum says nothing about the
// acceptor's preset, so each gets its own finding.
use openssl::ssl::{SslAcceptor, SslConnector, SslMethod, SslVersion};

fn both() -> Result<(SslConnector, SslAcceptor), openssl::error::ErrorStack> {
    let mut connector = SslConnector::builder(SslMethod::tls())?;
    connector.set_min_proto_version(Some(SslVersion::TLS1))?;
    //~^ legacy_tls_version
    let acceptor = SslAcceptor::mozilla_intermediate(SslMethod::tls())?;
    //~^ legacy_tls_version
    Ok((connector.build(), acceptor.build()))
}

// A minimum set on the acceptor's own builder, here through a helper it is handed to, still
// judges the preset.
fn floored() -> Result<SslAcceptor, openssl::error::ErrorStack> {
    let mut connector = SslConnector::builder(SslMethod::tls())?;
    connector.set_min_proto_version(Some(SslVersion::TLS1_2))?;
    let mut acceptor = SslAcceptor::mozilla_intermediate(SslMethod::tls())?;
    harden(&mut acceptor)?;
    drop(connector);
    Ok(acceptor.build())
}

fn harden(builder: &mut openssl::ssl::SslAcceptorBuilder) -> Result<(), openssl::error::ErrorStack> {
    builder.set_min_proto_version(Some(SslVersion::TLS1_2))
}

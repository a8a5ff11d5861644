// native-tls and openssl document a `None` minimum as "the oldest version the library supports":
// a caller passing `None` to a helper's minimum makes the finding, as `None` written at the setter
// does. A maximum's `None` (no limit) and a minimum wrapped in `Some(v)` are safe with `None`.
use native_tls::{Protocol, TlsConnector};

fn connector(min: Option<Protocol>) -> native_tls::Result<TlsConnector> {
    TlsConnector::builder().min_protocol_version(min).build()
    //~^ legacy_tls_version
}

pub fn oldest() -> native_tls::Result<TlsConnector> {
    connector(None)
}

pub fn modern() -> native_tls::Result<TlsConnector> {
    connector(Some(Protocol::Tlsv12))
}

pub fn written() -> native_tls::Result<TlsConnector> {
    TlsConnector::builder().min_protocol_version(None).build()
    //~^ legacy_tls_version
}

fn capped(max: Option<Protocol>) -> native_tls::Result<TlsConnector> {
    TlsConnector::builder().max_protocol_version(max).build()
}

pub fn uncapped() -> native_tls::Result<TlsConnector> {
    capped(None)
}

fn openssl_floor(ctx: &mut openssl::ssl::SslContextBuilder, min: Option<openssl::ssl::SslVersion>) {
    ctx.set_min_proto_version(min).unwrap();
    //~^ legacy_tls_version
}

pub fn openssl_oldest(ctx: &mut openssl::ssl::SslContextBuilder) {
    openssl_floor(ctx, None);
}

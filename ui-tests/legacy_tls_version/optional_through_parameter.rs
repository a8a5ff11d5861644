// An optional version (`Some(Protocol::Tlsv10)`) passed into a helper's parameter reaches the
// setter as the same constant written there does; callers that pass only a modern version make
// no finding (a `None` minimum allows the oldest version: `none_minimum.rs`).
use native_tls::{Protocol, TlsConnector};

pub fn direct() -> TlsConnector {
    TlsConnector::builder().min_protocol_version(Some(Protocol::Tlsv10)).build().unwrap()
    //~^ legacy_tls_version
}

fn connector(min: Option<Protocol>) -> TlsConnector {
    TlsConnector::builder().min_protocol_version(min).build().unwrap()
    //~^ legacy_tls_version
}

pub fn old_peer() -> TlsConnector {
    connector(Some(Protocol::Tlsv10))
}

fn modern(min: Option<Protocol>) -> TlsConnector {
    TlsConnector::builder().min_protocol_version(min).build().unwrap()
}

pub fn modern_peers() -> (TlsConnector, TlsConnector) {
    (modern(Some(Protocol::Tlsv12)), modern(Some(Protocol::Tlsv13)))
}

fn wreq_client(min: Option<wreq::TlsVersion>) -> wreq::ClientBuilder {
    wreq::Client::builder().min_tls_version(min)
    //~^ legacy_tls_version
}

pub fn wreq_old() -> wreq::ClientBuilder {
    wreq_client(Some(wreq::TlsVersion::TLS_1_0))
}

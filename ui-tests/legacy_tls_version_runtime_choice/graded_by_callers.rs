// A version chosen by a boolean parameter or field is graded by the package: callers that select
// the legacy option make TLS301's error, as the constant written at the setter does; callers that
// only select the other option make no finding; a value read at run time stays TLS304.
use native_tls::{Protocol, TlsConnector};

pub fn direct() -> TlsConnector {
    TlsConnector::builder().min_protocol_version(Some(Protocol::Tlsv10)).build().unwrap()
    //~^ legacy_tls_version
}

fn chosen(legacy: bool) -> TlsConnector {
    let v = if legacy { Protocol::Tlsv10 } else { Protocol::Tlsv12 };
    TlsConnector::builder().min_protocol_version(Some(v)).build().unwrap()
    //~^ legacy_tls_version
}

pub fn old_peer() -> TlsConnector {
    chosen(true)
}

fn modern_only(legacy: bool) -> TlsConnector {
    let v = if !legacy { Protocol::Tlsv12 } else { Protocol::Tlsv10 };
    TlsConnector::builder().min_protocol_version(Some(v)).build().unwrap()
}

pub fn modern_peer() -> TlsConnector {
    modern_only(false)
}

fn configured(legacy: bool) -> TlsConnector {
    let v = if legacy { Protocol::Tlsv10 } else { Protocol::Tlsv12 };
    TlsConnector::builder().min_protocol_version(Some(v)).build().unwrap()
    //~^ legacy_tls_version_runtime_choice
}

pub fn from_env() -> TlsConnector {
    configured(std::env::var("LEGACY_TLS").is_ok())
}

pub struct Client {
    legacy: bool,
}

impl Client {
    pub fn modern() -> Self {
        Client { legacy: false }
    }

    pub fn connector(&self) -> TlsConnector {
        let v = if self.legacy { Protocol::Tlsv10 } else { Protocol::Tlsv12 };
        TlsConnector::builder().min_protocol_version(Some(v)).build().unwrap()
    }
}

// A `match` arm whose pattern picks a mode inside an `Option` (`Some(Mode::Insecure)`) is a choice
// decided at run time, like the same setting passed the matched value: TLS104. An arm that only
// unwraps (`Some(mode)`) chooses nothing, so a literal under it stays constant.
use redis::{ConnectionAddr, TlsMode};

pub fn by_arm(host: String, port: u16, tls: Option<TlsMode>) -> ConnectionAddr {
    match tls {
        Some(TlsMode::Secure) => ConnectionAddr::TcpTls {
            host,
            port,
            insecure: false,
            tls_params: None,
        },
        Some(TlsMode::Insecure) => ConnectionAddr::TcpTls {
            host,
            port,
            insecure: true,
            //~^ cert_verification_runtime_toggle
            tls_params: None,
        },
        None => ConnectionAddr::Tcp(host, port),
    }
}

pub fn by_value(host: String, port: u16, insecure: bool) -> ConnectionAddr {
    ConnectionAddr::TcpTls {
        host,
        port,
        insecure,
        //~^ cert_verification_runtime_toggle
        tls_params: None,
    }
}

pub fn unwrapping_arm(host: String, port: u16, name: Option<String>) -> ConnectionAddr {
    match name {
        Some(name) => ConnectionAddr::TcpTls {
            host: name,
            port,
            insecure: true,
            //~^ cert_verification_disabled
            tls_params: None,
        },
        None => ConnectionAddr::Tcp(host, port),
    }
}

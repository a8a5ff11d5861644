//! Protocol versions as values: [`Proto`], ordered oldest first, read off the names of the
//! libraries' version constants (`TLS_1_0`, `SslVersion::TLS1_2`, `Protocol::Tlsv11`).

/// A protocol version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Proto {
    /// `None` as a minimum: the oldest version the library supports.
    Oldest,
    /// SSL 2.0.
    Ssl2,
    /// SSL 3.0.
    Ssl3,
    /// TLS 1.0.
    Tls10,
    /// TLS 1.1.
    Tls11,
    /// TLS 1.2.
    Tls12,
    /// TLS 1.3.
    Tls13,
}

impl Proto {
    /// How the version is named in a message.
    pub fn describe(self) -> &'static str {
        match self {
            Proto::Oldest => "the oldest version the library supports",
            Proto::Ssl2 => "SSL 2.0",
            Proto::Ssl3 => "SSL 3.0",
            Proto::Tls10 => "TLS 1.0",
            Proto::Tls11 => "TLS 1.1",
            Proto::Tls12 => "TLS 1.2",
            Proto::Tls13 => "TLS 1.3",
        }
    }
}

/// Reads a version off an enum or constant name: `TLS1`, `TLS1_2`, `TLS_1_0`, `Tlsv10`, `Tls_1_1`,
/// `SSL3`, `Sslv3`, `TLSv1_2`, `TLS13`.
pub fn parse_proto(name: &str) -> Option<Proto> {
    let lower = name.to_ascii_lowercase().replace('_', "");
    let (ssl, rest) = if let Some(r) = lower.strip_prefix("ssl") {
        (true, r)
    } else if let Some(r) = lower.strip_prefix("tls") {
        (false, r)
    } else {
        return None;
    };
    let digits = rest.strip_prefix('v').unwrap_or(rest);
    Some(match (ssl, digits) {
        (true, "2") => Proto::Ssl2,
        (true, "3") => Proto::Ssl3,
        (false, "1" | "10") => Proto::Tls10,
        (false, "11") => Proto::Tls11,
        (false, "12") => Proto::Tls12,
        (false, "13") => Proto::Tls13,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_names() {
        assert_eq!(parse_proto("TLS1"), Some(Proto::Tls10));
        assert_eq!(parse_proto("TLS1_2"), Some(Proto::Tls12));
        assert_eq!(parse_proto("TLS_1_1"), Some(Proto::Tls11));
        assert_eq!(parse_proto("Tlsv10"), Some(Proto::Tls10));
        assert_eq!(parse_proto("Tls_1_0"), Some(Proto::Tls10));
        assert_eq!(parse_proto("TLSv1_3"), Some(Proto::Tls13));
        assert_eq!(parse_proto("TLS13"), Some(Proto::Tls13));
        assert_eq!(parse_proto("SSL3"), Some(Proto::Ssl3));
        assert_eq!(parse_proto("Sslv2"), Some(Proto::Ssl2));
        assert_eq!(parse_proto("Default"), None);
        assert_eq!(parse_proto("DTLS1"), None);
    }
}

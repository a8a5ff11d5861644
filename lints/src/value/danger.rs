//! The values that make a deferred finding real ([`Dangerous`]): one constant, a protocol version
//! and every older one, any address that listens on every interface, a host the cleartext rules
//! do not exempt, a cleartext URL to such a host, an openssl mode that does not verify the peer,
//! or the enum variants a setting is chosen by.
//! The package phase asks it of each constant that reaches a parameter, a field or a constant of
//! another file.

use super::address::all_interfaces_text;
use super::resolve::Const;
use super::url::parse_url;
use super::verify_mode::PEER;
use super::version::Proto;
use crate::cleartext::hosts::{Exemptions, strip_port};
use crate::policy::AllowedHosts;

/// The values that make a deferred finding real.
#[derive(Clone, Debug)]
pub enum Dangerous {
    /// This constant (`true` for `danger_accept_invalid_certs`).
    Value(Const),
    /// This protocol version or an older one.
    VersionAtMost(Proto),
    /// A string address that listens on every interface (`"0.0.0.0:8080"`, `"[::]:80"`), on a
    /// port other than 0 (an ephemeral local bind, a client's, is no listener).
    AllInterfaces,
    /// A host string (`host`, `host:port`, a comma-separated list) with a host that is not
    /// loopback, a unix socket or one of the policy's `allowed-cleartext-hosts` (carried here).
    HostNotExempt(AllowedHosts),
    /// A URL with this cleartext scheme (`http`, `ws`) to a host that is not loopback, a unix
    /// socket or one of the policy's `allowed-cleartext-hosts` (carried here).
    CleartextUrl(&'static str, AllowedHosts),
    /// An openssl verification mode that does not verify the peer: one without the `PEER` flag
    /// (`SslVerifyMode::NONE`; the other flags are read by a server only).
    PeerUnverified,
    /// One of these enum variants, by name (the variants a `match` arm or a comparison with a
    /// parameter chooses the setting by).
    Variants(Vec<String>),
    /// These values, or no value: a `None` that reaches the setting is dangerous too (an
    /// `Option` unwrapped with a dangerous default, a minimum version whose `None` allows the
    /// oldest).
    OrNone(Box<Dangerous>),
}

impl Dangerous {
    /// Whether the constant `c` is one of these values.
    pub fn admits(&self, c: &Const) -> bool {
        match (self, c) {
            (Dangerous::Value(d), c) => d == c,
            (Dangerous::VersionAtMost(limit), Const::Version(v)) => v <= limit,
            (Dangerous::AllInterfaces, Const::Str(s)) => {
                all_interfaces_text(s).is_some() && !s.ends_with(":0")
            }
            (Dangerous::HostNotExempt(allowed), Const::Str(s)) => {
                let exempt = Exemptions::of(allowed);
                !s.trim().is_empty() && !s.split(',').all(|h| exempt.host_is_exempt(strip_port(h)))
            }
            (Dangerous::CleartextUrl(scheme, allowed), Const::Str(s)) => {
                parse_url(s).is_some_and(|u| {
                    u.scheme() == *scheme && !Exemptions::of(allowed).url_is_exempt(&u)
                })
            }
            (Dangerous::PeerUnverified, Const::VerifyMode(bits)) => bits & PEER == 0,
            (Dangerous::Variants(names), Const::Variant(v)) => names.contains(v),
            (Dangerous::OrNone(inner), c) => inner.admits(c),
            _ => false,
        }
    }

    /// Whether any value decided at run time may be one of these, so that it is reported as such
    /// without a visible option: a switch, a host, a URL, a variant. A version or an address
    /// decided at run time is reported only through an option that is one (the arm of a choice,
    /// an `unwrap_or` default).
    pub fn any_runtime_value(&self) -> bool {
        match self {
            Dangerous::VersionAtMost(_) | Dangerous::AllInterfaces => false,
            Dangerous::OrNone(inner) => inner.any_runtime_value(),
            _ => true,
        }
    }

    /// Whether `None` (no value) is one of these values.
    pub fn admits_none(&self) -> bool {
        matches!(self, Dangerous::OrNone(_))
    }

    /// The values as written in a message: `` `true` ``, `TLS 1.1 or older`, `an address on
    /// every interface`.
    pub fn shown(&self) -> String {
        match self {
            Dangerous::Value(c) => super::const_shown(c),
            Dangerous::VersionAtMost(v) => format!("{} or older", v.describe()),
            Dangerous::AllInterfaces => "an address on every interface".to_string(),
            Dangerous::HostNotExempt(_) => "a host that is not loopback".to_string(),
            Dangerous::CleartextUrl(scheme, _) => {
                format!("an `{scheme}://` URL to a host that is not loopback")
            }
            Dangerous::PeerUnverified => format!(
                "a mode without {}",
                super::const_shown(&Const::VerifyMode(PEER))
            ),
            Dangerous::Variants(names) => names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" or "),
            Dangerous::OrNone(inner) => format!("{} or `None`", inner.shown()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admitted_values() {
        let bool_true = Dangerous::Value(Const::Bool(true));
        assert!(bool_true.admits(&Const::Bool(true)));
        assert!(!bool_true.admits(&Const::Bool(false)));
        let old = Dangerous::VersionAtMost(Proto::Tls11);
        assert!(old.admits(&Const::Version(Proto::Tls10)));
        assert!(old.admits(&Const::Version(Proto::Tls11)));
        assert!(!old.admits(&Const::Version(Proto::Tls12)));
        assert!(!old.admits(&Const::Str("TLS_1_0".into())));
        let any = Dangerous::AllInterfaces;
        assert!(any.admits(&Const::Str("0.0.0.0:8080".into())));
        assert!(any.admits(&Const::Str("[::]:443".into())));
        assert!(!any.admits(&Const::Str("127.0.0.1:8080".into())));
        assert!(!any.admits(&Const::Str("0.0.0.0:0".into())));
        assert!(!any.admits(&Const::Int(0)));
        let remote = Dangerous::HostNotExempt(AllowedHosts::default());
        assert!(remote.admits(&Const::Str("db.prod.example.com".into())));
        assert!(remote.admits(&Const::Str("localhost,db.prod:5432".into())));
        assert!(!remote.admits(&Const::Str("localhost:5432".into())));
        assert!(!remote.admits(&Const::Str("[::1]:5432".into())));
        assert!(!remote.admits(&Const::Str("/var/run/postgresql".into())));
        let http = Dangerous::CleartextUrl("http", AllowedHosts::default());
        assert!(http.admits(&Const::Str("http://api.example.com/v1".into())));
        assert!(!http.admits(&Const::Str("https://api.example.com/v1".into())));
        assert!(!http.admits(&Const::Str("http://localhost:8080".into())));
        assert!(!http.admits(&Const::Str("ws://api.example.com".into())));
        assert!(!http.admits(&Const::Str("api.example.com".into())));
        let variants = Dangerous::Variants(vec!["Insecure".into(), "Lax".into()]);
        assert!(variants.admits(&Const::Variant("Lax".into())));
        assert!(!variants.admits(&Const::Variant("Strict".into())));
        assert!(!variants.admits(&Const::Str("Insecure".into())));
        assert!(!bool_true.admits(&Const::Variant("True".into())));
        let or_none = Dangerous::OrNone(Box::new(bool_true.clone()));
        assert!(or_none.admits(&Const::Bool(true)) && or_none.admits_none());
        assert!(!or_none.admits(&Const::Bool(false)) && !bool_true.admits_none());
        let unverified = Dangerous::PeerUnverified;
        assert!(unverified.admits(&Const::VerifyMode(0)));
        assert!(unverified.admits(&Const::VerifyMode(2)));
        assert!(!unverified.admits(&Const::VerifyMode(1)));
        assert!(!unverified.admits(&Const::VerifyMode(3)));
        assert!(!unverified.admits(&Const::Int(0)));
    }
}

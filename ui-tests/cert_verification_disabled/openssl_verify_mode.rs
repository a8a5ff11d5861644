// An openssl verification mode reaching `set_verify` through a parameter, a field or a local gets
// the verdict of the direct spelling: `SslVerifyMode::NONE` is this rule wherever it is given, a
// mode decided at run time is TLS104, and only verifying modes are silent.
use openssl::ssl::{SslConnector, SslConnectorBuilder, SslMethod, SslVerifyMode};

// The direct spelling.
fn direct() -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(SslVerifyMode::NONE);
    //~^ cert_verification_disabled
    builder
}

// A parameter whose caller passes `NONE`.
fn with_mode(mode: SslVerifyMode) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(mode);
    //~^ cert_verification_disabled
    builder
}

pub fn insecure_connector() -> SslConnectorBuilder {
    with_mode(SslVerifyMode::NONE)
}

// A parameter whose callers pass only verifying modes: no finding.
fn with_verifying_mode(mode: SslVerifyMode) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(mode);
    builder
}

pub fn strict_connector() -> SslConnectorBuilder {
    with_verifying_mode(SslVerifyMode::PEER | SslVerifyMode::FAIL_IF_NO_PEER_CERT)
}

pub fn peer_connector() -> SslConnectorBuilder {
    with_verifying_mode(SslVerifyMode::PEER)
}

// A local bound to `NONE`.
fn local() -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    let mode = SslVerifyMode::empty();
    builder.set_verify(mode);
    //~^ cert_verification_disabled
    builder
}

// A local bound to a verifying mode: no finding.
fn local_peer() -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    let mode = SslVerifyMode::PEER | SslVerifyMode::FAIL_IF_NO_PEER_CERT;
    builder.set_verify(mode);
    builder
}

// A private field given `NONE` by the file.
struct Fixed {
    verify_mode: SslVerifyMode,
}

fn fixed() -> Fixed {
    Fixed {
        verify_mode: SslVerifyMode::NONE,
    }
}

fn from_fixed(options: &Fixed) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(options.verify_mode);
    //~^ cert_verification_disabled
    builder
}

// A field given `NONE` by assignment and by `Default`, and an `if` whose options are all `NONE`.
struct Assigned {
    mode: SslVerifyMode,
}

fn assigned(mut options: Assigned) -> Assigned {
    options.mode = SslVerifyMode::NONE;
    options
}

fn from_assigned(options: &Assigned) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(options.mode);
    //~^ cert_verification_disabled
    builder
}

struct Defaulted {
    mode: SslVerifyMode,
}

impl Default for Defaulted {
    fn default() -> Self {
        Defaulted {
            mode: SslVerifyMode::empty(),
        }
    }
}

fn from_defaulted(options: &Defaulted) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(options.mode);
    //~^ cert_verification_disabled
    builder
}

// Fields given only verifying modes: no finding.
struct Verifying {
    mode: SslVerifyMode,
}

fn verifying(strict: bool) -> Verifying {
    Verifying {
        mode: if strict {
            SslVerifyMode::PEER | SslVerifyMode::FAIL_IF_NO_PEER_CERT
        } else {
            SslVerifyMode::PEER
        },
    }
}

fn from_verifying(options: &Verifying) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(options.mode);
    builder
}

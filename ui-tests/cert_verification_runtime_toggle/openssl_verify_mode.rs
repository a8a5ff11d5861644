// An openssl verification mode decided at run time (a field chosen by a URL's query, a public
// function's parameter) is the run-time switch, as a setter's run-time argument is; the direct
// spelling under a run-time condition is the same finding.
use openssl::ssl::{SslConnector, SslConnectorBuilder, SslMethod, SslVerifyMode};

// The direct spelling under a run-time condition.
pub fn direct(insecure: bool) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    if insecure {
        builder.set_verify(SslVerifyMode::NONE);
        //~^ cert_verification_runtime_toggle
    }
    builder
}

// A field chosen by a `match` on a URL query parameter.
pub struct Options {
    verify_mode: SslVerifyMode,
}

impl Options {
    pub fn from_url(url: &url::Url) -> Options {
        let query = url.query_pairs().find(|(k, _)| k == "verify_mode").map(|(_, v)| v);
        let verify_mode = match query.as_deref() {
            Some("none") => SslVerifyMode::NONE,
            _ => SslVerifyMode::PEER,
        };
        Options { verify_mode }
    }
}

pub fn from_options(options: &Options) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(options.verify_mode);
    //~^ cert_verification_runtime_toggle
    builder
}

// A public function's parameter: its callers outside the package decide.
pub fn with_mode(mode: SslVerifyMode) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(mode);
    //~^ cert_verification_runtime_toggle
    builder
}

// A local chosen by an `if` on a parameter between `NONE` and `PEER`.
pub fn chosen(insecure: bool) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    let mode = if insecure {
        SslVerifyMode::NONE
    } else {
        SslVerifyMode::PEER
    };
    builder.set_verify(mode);
    //~^ cert_verification_runtime_toggle
    builder
}

// A private function's parameter given such a choice by its caller.
fn with_private_mode(mode: SslVerifyMode) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    builder.set_verify(mode);
    //~^ cert_verification_runtime_toggle
    builder
}

pub fn connector(insecure: bool) -> SslConnectorBuilder {
    with_private_mode(if insecure {
        SslVerifyMode::NONE
    } else {
        SslVerifyMode::PEER
    })
}

// A choice between verifying modes only: no finding.
pub fn chosen_strictness(strict: bool) -> SslConnectorBuilder {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    let mode = if strict {
        SslVerifyMode::PEER | SslVerifyMode::FAIL_IF_NO_PEER_CERT
    } else {
        SslVerifyMode::PEER
    };
    builder.set_verify(mode);
    builder
}

// An acceptor held in a field: a mode only asks for client certificates, whoever gives it.
pub struct AcceptorBuilder {
    inner: openssl::ssl::SslAcceptorBuilder,
}

impl AcceptorBuilder {
    pub fn with_verify_mode(mut self, mode: SslVerifyMode) -> AcceptorBuilder {
        self.inner.set_verify(mode);
        self
    }

    pub fn without_client_certificates(mut self) -> AcceptorBuilder {
        self.inner.set_verify(SslVerifyMode::NONE);
        self
    }
}

// A private helper that installs a verifier whenever it runs, called only under a condition
// decided at run time (`if secure { secure_tls() } else { insecure_tls() }`), is the same run-time
// switch (warn) as the install written in the `else` branch itself. Called unconditionally, or
// under a condition that its callers make true, it stays an error; called only under a condition
// that its callers never make true, it is not reported.
use std::sync::Arc;

use rustls::RootCertStore;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

#[derive(Debug)]
pub struct SkipChecks;

impl ServerCertVerifier for SkipChecks {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
}

#[derive(Debug)]
pub struct AlwaysSkip;

impl ServerCertVerifier for AlwaysSkip {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
}

pub struct TlsClientConfig {
    pub config: rustls::ClientConfig,
}

impl TlsClientConfig {
    // (a) The install written in the `else` branch.
    pub fn inline(roots: RootCertStore, secure: bool) -> rustls::ClientConfig {
        let builder = rustls::ClientConfig::builder();
        if secure {
            builder.with_root_certificates(roots).with_no_client_auth()
        } else {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(SkipChecks))
                //~^ accept_all_server_verifier
                .with_no_client_auth()
        }
    }

    // (b) The same install in a helper that the `else` branch calls.
    pub fn new(roots: RootCertStore, secure: bool) -> TlsClientConfig {
        let config = if secure {
            Self::new_secure_tls(roots)
        } else {
            Self::new_unsecure_tls()
        };
        TlsClientConfig { config }
    }

    fn new_secure_tls(roots: RootCertStore) -> rustls::ClientConfig {
        rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth()
    }

    fn new_unsecure_tls() -> rustls::ClientConfig {
        rustls::ClientConfig::builder()
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(SkipChecks))
            //~^ accept_all_server_verifier
            .with_no_client_auth()
    }
}

// (c) A helper called whenever its caller runs: the install always happens.
fn always_unsecure() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AlwaysSkip))
        //~^ accept_all_server_verifier
        .with_no_client_auth()
}

pub fn always() -> rustls::ClientConfig {
    always_unsecure()
}

// (d) A helper called under a condition on a parameter whose only caller passes `true`.
fn lenient_unsecure() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AlwaysSkip))
        //~^ accept_all_server_verifier
        .with_no_client_auth()
}

fn pick(roots: RootCertStore, insecure: bool) -> rustls::ClientConfig {
    if insecure {
        lenient_unsecure()
    } else {
        TlsClientConfig::inline(roots, true)
    }
}

pub fn lenient(roots: RootCertStore) -> rustls::ClientConfig {
    pick(roots, true)
}

// A helper called only under a condition that its callers never make true: no finding.
fn never_unsecure() -> rustls::ClientConfig {
    rustls::ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AlwaysSkip))
        .with_no_client_auth()
}

fn pick_strict(roots: RootCertStore, insecure: bool) -> rustls::ClientConfig {
    if insecure {
        never_unsecure()
    } else {
        TlsClientConfig::inline(roots, true)
    }
}

pub fn strict(roots: RootCertStore) -> rustls::ClientConfig {
    pick_strict(roots, false)
}

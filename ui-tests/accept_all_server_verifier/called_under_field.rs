// A private helper that installs a verifier accepting everything whenever it runs, called only
// under a condition on a field (`if self.insecure { self.unverified() }`), is settled by the values
// the package gives that field, as the install written under the same condition is: a field only
// ever `true` keeps it an error (labelled where the field is set), one only ever `false` makes no
// install finding, one filled from input is the run-time switch (warn). Each case puts the two
// spellings side by side, each with a verifier of its own.
use std::sync::Arc;

use rustls::RootCertStore;
use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

#[derive(Debug)]
pub struct ForcedSkip;

impl ServerCertVerifier for ForcedSkip {
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

// (a) Only ever `true`: an error for both spellings, labelled at the struct literal.
struct Forced {
    insecure: bool,
}

pub fn forced(roots: RootCertStore) -> (rustls::ClientConfig, rustls::ClientConfig) {
    let forced = Forced { insecure: true };
    (forced.inline(roots.clone()), forced.through_helper(roots))
}

impl Forced {
    pub fn inline(&self, roots: RootCertStore) -> rustls::ClientConfig {
        let mut config = rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth();
        if self.insecure {
            config
                .dangerous()
                .set_certificate_verifier(Arc::new(ForcedSkip));
            //~^ accept_all_server_verifier
        }
        config
    }

    pub fn through_helper(&self, roots: RootCertStore) -> rustls::ClientConfig {
        if self.insecure {
            self.unverified()
        } else {
            rustls::ClientConfig::builder()
                .with_root_certificates(roots)
                .with_no_client_auth()
        }
    }

    fn unverified(&self) -> rustls::ClientConfig {
        rustls::ClientConfig::builder()
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(ForcedSkip))
            //~^ accept_all_server_verifier
            .with_no_client_auth()
    }
}

// (b) Only ever `false`: neither install runs; the verifier itself is still reported.
#[derive(Debug)]
pub struct StrictSkip;

impl ServerCertVerifier for StrictSkip {
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

struct Strict {
    insecure: bool,
}

pub fn strict(roots: RootCertStore) -> (rustls::ClientConfig, rustls::ClientConfig) {
    let strict = Strict { insecure: false };
    (strict.inline(roots.clone()), strict.through_helper(roots))
}

impl Strict {
    pub fn inline(&self, roots: RootCertStore) -> rustls::ClientConfig {
        let mut config = rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth();
        if self.insecure {
            config
                .dangerous()
                .set_certificate_verifier(Arc::new(StrictSkip));
        }
        config
    }

    pub fn through_helper(&self, roots: RootCertStore) -> rustls::ClientConfig {
        if self.insecure {
            self.unverified()
        } else {
            rustls::ClientConfig::builder()
                .with_root_certificates(roots)
                .with_no_client_auth()
        }
    }

    fn unverified(&self) -> rustls::ClientConfig {
        rustls::ClientConfig::builder()
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(StrictSkip))
            .with_no_client_auth()
    }
}

// (c) Filled from the command line by a clap derive: the run-time switch (warn) for both.
#[derive(Debug)]
pub struct CliSkip;

impl ServerCertVerifier for CliSkip {
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

#[derive(clap::Parser)]
pub struct Cli {
    #[arg(long)]
    insecure: bool,
}

impl Cli {
    pub fn inline(&self, roots: RootCertStore) -> rustls::ClientConfig {
        let mut config = rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth();
        if self.insecure {
            config
                .dangerous()
                .set_certificate_verifier(Arc::new(CliSkip));
            //~^ accept_all_server_verifier
        }
        config
    }

    pub fn through_helper(&self, roots: RootCertStore) -> rustls::ClientConfig {
        if self.insecure {
            self.unverified()
        } else {
            rustls::ClientConfig::builder()
                .with_root_certificates(roots)
                .with_no_client_auth()
        }
    }

    fn unverified(&self) -> rustls::ClientConfig {
        rustls::ClientConfig::builder()
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(CliSkip))
            //~^ accept_all_server_verifier
            .with_no_client_auth()
    }
}

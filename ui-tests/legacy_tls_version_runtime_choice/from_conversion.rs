// xh's `--ssl` shape: a command-line enum converted into the version by a `From` impl whose
// `match` arms produce the versions is a run-time choice among them, like the same `match`
// written at the setter: TLS304, the legacy arm labelled.
use clap::{Parser, ValueEnum};
use reqwest::tls;

#[derive(Clone, Copy, ValueEnum)]
pub enum TlsVersion {
    Auto,
    Tls1_0,
    Tls1_2,
    Tls1_3,
}

impl From<TlsVersion> for Option<tls::Version> {
    fn from(version: TlsVersion) -> Self {
        match version {
            TlsVersion::Auto => None,
            TlsVersion::Tls1_0 => Some(tls::Version::TLS_1_0),
            TlsVersion::Tls1_2 => Some(tls::Version::TLS_1_2),
            TlsVersion::Tls1_3 => Some(tls::Version::TLS_1_3),
        }
    }
}

#[derive(Parser)]
pub struct Cli {
    #[arg(long, value_enum)]
    pub ssl: Option<TlsVersion>,
}

pub fn converted(args: &Cli) -> reqwest::Result<reqwest::Client> {
    let mut client = reqwest::Client::builder();
    if let Some(tls_version) = args.ssl.and_then(Into::into) {
        client = client.min_tls_version(tls_version);
        //~^ legacy_tls_version_runtime_choice
    }
    client.build()
}

pub fn written_at_the_setter(args: &Cli) -> reqwest::Result<reqwest::Client> {
    let mut client = reqwest::Client::builder();
    if let Some(ssl) = args.ssl {
        let version = match ssl {
            TlsVersion::Auto | TlsVersion::Tls1_2 => tls::Version::TLS_1_2,
            TlsVersion::Tls1_0 => tls::Version::TLS_1_0,
            TlsVersion::Tls1_3 => tls::Version::TLS_1_3,
        };
        client = client.min_tls_version(version);
        //~^ legacy_tls_version_runtime_choice
    }
    client.build()
}

// wreq 6 (read in 6.0.0-rc.31): `ClientBuilder::tls_min_version(TlsVersion)` and
// `TlsOptions::builder().min_tls_version(…)` with TLS 1.0 or 1.1.

use wreq::tls::{TlsOptions, TlsVersion};

pub fn client() -> wreq::Result<wreq::Client> {
    wreq::Client::builder()
        .tls_min_version(TlsVersion::TLS_1_0)
        //~^ legacy_tls_version
        .build()
}

pub fn options() -> TlsOptions {
    TlsOptions::builder()
        .min_tls_version(TlsVersion::TLS_1_1)
        //~^ legacy_tls_version
        .build()
}

// TLS 1.2 and later.
pub fn modern() -> wreq::Result<wreq::Client> {
    wreq::Client::builder()
        .tls_min_version(TlsVersion::TLS_1_2)
        .build()
}

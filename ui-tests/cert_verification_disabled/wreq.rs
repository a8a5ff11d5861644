// wreq 6 (read in 6.0.0-rc.31): `ClientBuilder::tls_cert_verification(false)` and the TLS
// connector builder's `cert_verification(false)` accept any certificate.

use wreq::tls::TlsConnectorBuilder;

pub fn client() -> wreq::Result<wreq::Client> {
    wreq::Client::builder()
        .tls_cert_verification(false)
        //~^ cert_verification_disabled
        .build()
}

pub fn connector(b: TlsConnectorBuilder) -> TlsConnectorBuilder {
    b.cert_verification(false)
    //~^ cert_verification_disabled
}

// The safe spelling: the default (`true`).
pub fn verified() -> wreq::Result<wreq::Client> {
    wreq::Client::builder().tls_cert_verification(true).build()
}

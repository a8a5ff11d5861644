// wreq 6 (read in 6.0.0-rc.31): `ClientBuilder::tls_verify_hostname(false)` and the connector
// builder's `verify_hostname(false)` accept a valid certificate for any name.

pub fn client() -> wreq::Result<wreq::Client> {
    wreq::Client::builder()
        .tls_verify_hostname(false)
        //~^ hostname_verification_disabled
        .build()
}

pub fn connector(b: wreq::tls::TlsConnectorBuilder) -> wreq::tls::TlsConnectorBuilder {
    b.verify_hostname(false)
    //~^ hostname_verification_disabled
}

// The safe spelling: the default (`true`).
pub fn verified() -> wreq::Result<wreq::Client> {
    wreq::Client::builder().tls_verify_hostname(true).build()
}

// wreq 6 (read in 6.0.0-rc.31): `ClientBuilder::tls_keylog(KeyLog)` and the connector builder's
// `keylog(Some(KeyLog))` write every session secret to a file (`$SSLKEYLOGFILE` or a path).

use wreq::tls::keylog::KeyLog;

pub fn client() -> wreq::Result<wreq::Client> {
    wreq::Client::builder()
        .tls_keylog(KeyLog::from_env())
        //~^ tls_key_logging
        .build()
}

pub fn connector(b: wreq::tls::TlsConnectorBuilder) -> wreq::tls::TlsConnectorBuilder {
    b.keylog(Some(KeyLog::from_file("/tmp/keys.log")))
    //~^ tls_key_logging
}

// No key log: `None`.
pub fn quiet(b: wreq::tls::TlsConnectorBuilder) -> wreq::tls::TlsConnectorBuilder {
    b.keylog(None)
}

// A verifier that accepts everything only when a run-time switch says so (TLS110 as a warning)
// still skips the signature checks on every path: TLS111 stays its own error.
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, Error};

#[derive(Debug)]
pub struct MaybeVerify {
    skip: bool,
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for MaybeVerify {
    //~^ accept_all_server_verifier
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        if self.skip {
            Ok(ServerCertVerified::assertion())
        } else {
            self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        }
    }

    fn verify_tls13_signature(
        //~^ unchecked_handshake_signature
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        Ok(HandshakeSignatureValid::assertion())
    }
}

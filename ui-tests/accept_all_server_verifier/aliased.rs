// The trait and the marker imported under other names; the verifier defined in an inline module
// and installed from another through a `use` and a helper function.
mod verifiers {
    use quinn::rustls::client::danger::ServerCertVerified as Accepted;
    use quinn::rustls::client::danger::ServerCertVerifier as Scv;
    use quinn::rustls::pki_types::{CertificateDer, ServerName, UnixTime};

    #[derive(Debug)]
    pub struct Lenient;

    impl Scv for Lenient {
        //~^ accept_all_server_verifier
        fn verify_server_cert(
            &self,
            _: &CertificateDer<'_>,
            _: &[CertificateDer<'_>],
            _: &ServerName<'_>,
            _: &[u8],
            _: UnixTime,
        ) -> Result<Accepted, quinn::rustls::Error> {
            Ok(Accepted::assertion())
        }
    }
}

mod client {
    use std::sync::Arc;

    use quinn::rustls::client::danger::ServerCertVerifier;

    use crate::verifiers::Lenient;

    fn lenient() -> Arc<dyn ServerCertVerifier> {
        Arc::new(Lenient)
    }

    pub fn config() -> quinn::rustls::ClientConfig {
        quinn::rustls::ClientConfig::builder()
            .dangerous()
            .with_custom_certificate_verifier(lenient())
            //~^ accept_all_server_verifier
            .with_no_client_auth()
    }
}

mod builder {
    use std::sync::Arc;

    use quinn::rustls::client::danger::ServerCertVerifier;

    pub struct Factory {
        pub insecure: bool,
    }

    impl Factory {
        fn verifier(&self) -> Arc<dyn ServerCertVerifier> {
            Arc::new(crate::verifiers::Lenient)
        }

        pub fn config(&self) -> quinn::rustls::ClientConfig {
            quinn::rustls::ClientConfig::builder()
                .dangerous()
                .with_custom_certificate_verifier(self.verifier())
                //~^ accept_all_server_verifier
                .with_no_client_auth()
        }
    }
}

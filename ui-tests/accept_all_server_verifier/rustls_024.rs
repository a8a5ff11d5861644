// rustls 0.24 (pre-release): `ServerVerifier::verify_identity`.
use rustls::client::danger::{ServerIdentity, ServerVerifier, VerifiedIdentity};

#[derive(Debug)]
struct AnyIdentity;

impl ServerVerifier for AnyIdentity {
    //~^ accept_all_server_verifier
    fn verify_identity<'a>(&self, identity: &ServerIdentity<'a, '_>) -> Result<VerifiedIdentity<'a>, rustls::Error> {
        Ok(VerifiedIdentity::assertion(identity))
    }
}

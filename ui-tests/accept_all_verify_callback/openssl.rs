use openssl::ssl::{SslConnector, SslContextBuilder, SslMethod, SslVerifyMode};
use openssl::x509::X509StoreContextRef;

pub fn closures(builder: &mut SslContextBuilder) {
    builder.set_verify_callback(SslVerifyMode::PEER, |_, _| true);
    //~^ accept_all_verify_callback
    builder.set_verify_callback(SslVerifyMode::PEER, |_preverify_ok, _store_ctx| {
        //~^ accept_all_verify_callback
        log::debug!("accepting the certificate");
        true
    });
    builder.set_verify_callback(SslVerifyMode::PEER, |_ver, _store| -> bool { return true });
    //~^ accept_all_verify_callback
}

fn always_true(_: bool, _: &mut X509StoreContextRef) -> bool {
    true
}

pub fn by_name() -> SslConnector {
    let mut builder = SslConnector::builder(SslMethod::tls()).expect("openssl");
    builder.set_verify_callback(SslVerifyMode::PEER, always_true);
    //~^ accept_all_verify_callback
    builder.build()
}

// With `SslVerifyMode::NONE` the finding is TLS101's, not this rule's.
pub fn verify_none(builder: &mut SslContextBuilder) {
    builder.set_verify_callback(SslVerifyMode::NONE, |_, _| true);
    //~^ cert_verification_disabled
}

//@ level sni_disabled=warn
fn client(mut config: rustls::ClientConfig) {
    let _ = reqwest::Client::builder().tls_sni(false).build();
    //~^ sni_disabled
    config.enable_sni = false;
    //~^ sni_disabled
    let mut b = native_tls::TlsConnector::builder();
    b.use_sni(false);
    //~^ sni_disabled
}

// `sni_disabled` is `allow` by default: nothing is reported.
fn client() {
    let _ = reqwest::Client::builder().tls_sni(false).build();
}

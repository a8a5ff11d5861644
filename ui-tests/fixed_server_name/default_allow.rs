// `fixed_server_name` is `allow` by default: nothing is reported.
fn connector() {
    let _ = hyper_rustls::HttpsConnectorBuilder::new().with_native_roots().unwrap().https_only().with_server_name("internal.example.com".into());
}

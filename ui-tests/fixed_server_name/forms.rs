//@ level fixed_server_name=warn
fn connector() {
    let _ = hyper_rustls::HttpsConnectorBuilder::new().with_native_roots().unwrap().https_only().with_server_name("internal.example.com".into());
    //~^ fixed_server_name
    let _ = mysql_async::SslOpts::default().with_danger_tls_hostname_override(Some("db.internal".into()));
    //~^ fixed_server_name
}

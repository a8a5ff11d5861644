// A modern actix-web server with an openssl acceptor: nothing here weakens TLS.
use actix_web::{App, HttpResponse, HttpServer, http::header, middleware::DefaultHeaders, web};
use openssl::ssl::{SslAcceptor, SslFiletype, SslMethod, SslVersion};

const CIPHERS: &str = concat!(
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:",
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:",
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:",
    "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384",
);

async fn index() -> HttpResponse {
    HttpResponse::Ok().insert_header((header::STRICT_TRANSPORT_SECURITY, "max-age=63072000; includeSubDomains")).body("ok")
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let mut builder = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls()).unwrap();
    builder.set_private_key_file("/etc/tls/key.pem", SslFiletype::PEM).unwrap();
    builder.set_certificate_chain_file("/etc/tls/cert.pem").unwrap();
    builder.set_min_proto_version(Some(SslVersion::TLS1_2)).unwrap();
    builder.set_cipher_list(CIPHERS).unwrap();
    builder.set_ciphersuites("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256").unwrap();
    HttpServer::new(|| {
        App::new()
            .wrap(DefaultHeaders::new().add(("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload")))
            .route("/", web::get().to(index))
    })
    .bind_openssl("0.0.0.0:8443", builder)?
    .run()
    .await
}

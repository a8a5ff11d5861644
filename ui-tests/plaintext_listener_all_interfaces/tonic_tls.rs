// A gRPC server that terminates TLS: its listener on all interfaces is the TLS one.
async fn grpc(svc: tonic::service::Routes, identity: tonic::transport::Identity) -> Result<(), tonic::transport::Error> {
    tonic::transport::Server::builder()
        .tls_config(tonic::transport::ServerTlsConfig::new().identity(identity))?
        .add_routes(svc)
        .serve("0.0.0.0:50051".parse().unwrap())
        .await
}

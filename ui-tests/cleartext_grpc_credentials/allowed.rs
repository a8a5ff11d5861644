//@ cleartext-host *.svc.cluster.local
// A mesh host listed in `allowed-cleartext-hosts` is exempt.
fn intercept(mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
    req.metadata_mut().insert("authorization", "Bearer t0k3n".parse().unwrap());
    Ok(req)
}

async fn channel() -> Result<tonic::transport::Channel, tonic::transport::Error> {
    tonic::transport::Channel::from_static("http://billing.default.svc.cluster.local:50051").connect().await
}

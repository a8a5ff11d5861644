// tonic `http://` endpoints in a file that adds `authorization` metadata.
use tonic::transport::{Channel, Endpoint};
use tonic::{Request, Status};

fn intercept(mut req: Request<()>) -> Result<Request<()>, Status> {
    req.metadata_mut().insert("authorization", "Bearer t0k3n".parse().unwrap());
    Ok(req)
}

async fn channel() -> Result<Channel, tonic::transport::Error> {
    Channel::from_static("http://grpc.example.com:50051").connect().await
    //~^ cleartext_grpc_credentials
}

async fn channel_runtime(host: &str) -> Result<Channel, tonic::transport::Error> {
    Endpoint::from_shared(format!("http://{host}:50051"))?.connect().await
    //~^ cleartext_grpc_credentials
}

async fn channel_tls() -> Result<Channel, tonic::transport::Error> {
    Channel::from_static("https://grpc.example.com").connect().await
}

async fn channel_loopback() -> Result<Channel, tonic::transport::Error> {
    Endpoint::from_static("http://[::1]:50051").connect().await
}

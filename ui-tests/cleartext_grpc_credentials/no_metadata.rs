// An `http://` endpoint without `authorization` metadata in the file is not a finding.
async fn channel() -> Result<tonic::transport::Channel, tonic::transport::Error> {
    tonic::transport::Channel::from_static("http://grpc.example.com:50051").connect().await
}

// Enum values reached through `use … as` aliases and imported variants: the prefilter must keep
// this file although the values are never written with their enum's name in front.
use elasticsearch::cert::CertificateValidation as Validation;
use redis::TlsMode::Insecure;

fn elastic(pool: elasticsearch::http::transport::SingleNodeConnectionPool) {
    let _ = elasticsearch::http::transport::TransportBuilder::new(pool).cert_validation(Validation::None);
    //~^ cert_verification_disabled
}

fn redis_cluster(nodes: Vec<String>) {
    let _ = redis::cluster::ClusterClientBuilder::new(nodes).tls(Insecure);
    //~^ cert_verification_disabled
}

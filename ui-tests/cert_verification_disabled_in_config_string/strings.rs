// Connection strings and property maps that switch certificate validation off.
use rdkafka::config::ClientConfig;

async fn mongo() -> mongodb::error::Result<mongodb::Client> {
    mongodb::Client::with_uri_str("mongodb://db.example.com/?tls=true&tlsAllowInvalidCertificates=true").await
    //~^ cert_verification_disabled_in_config_string
}

async fn mongo_safe() -> mongodb::error::Result<mongodb::Client> {
    mongodb::Client::with_uri_str("mongodb://db.example.com/?tls=true&tlsAllowInvalidCertificates=false").await
}

const MONGO_INSECURE: &str = "mongodb+srv://cluster0.example.com/?tlsInsecure=true";
//~^ cert_verification_disabled_in_config_string
const MONGO_HOSTNAMES: &str = "mongodb+srv://cluster0.example.com/?tlsAllowInvalidHostnames=TRUE";
//~^ cert_verification_disabled_in_config_string

fn redis() -> redis::RedisResult<redis::Client> {
    redis::Client::open("rediss://cache.example.com:6380/#insecure")
    //~^ cert_verification_disabled_in_config_string
}

fn redis_safe() -> redis::RedisResult<redis::Client> {
    redis::Client::open("rediss://cache.example.com:6380/")
}

fn kafka() -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", "kafka.example.com:9093")
        .set("enable.ssl.certificate.verification", "false")
        //~^ cert_verification_disabled_in_config_string
        .set("ssl.endpoint.identification.algorithm", "none");
        //~^ cert_verification_disabled_in_config_string
    config
}

fn kafka_safe() -> ClientConfig {
    let mut config = ClientConfig::new();
    config.set("enable.ssl.certificate.verification", "true").set("ssl.endpoint.identification.algorithm", "https");
    config
}

fn sql_server() -> tiberius::Result<tiberius::Config> {
    tiberius::Config::from_ado_string("server=tcp:sql.example.com,1433;User Id=app;TrustServerCertificate=true")
    //~^ cert_verification_disabled_in_config_string
}

fn sql_server_safe() -> tiberius::Result<tiberius::Config> {
    tiberius::Config::from_ado_string("server=tcp:sql.example.com,1433;User Id=app;TrustServerCertificateCA=ca.pem")
}

const MYSQL: &str = "mysql://app@mysql.example.com/shop?require_ssl=true&verify_ca=false";
//~^ cert_verification_disabled_in_config_string
const MYSQL_SAFE: &str = "mysql://app@mysql.example.com/shop?require_ssl=true&verify_ca=true";

const KUBECONFIG: &str = r#"
apiVersion: v1
clusters:
- cluster:
    server: https://k8s.example.com:6443
    insecure-skip-tls-verify: true
  name: prod
"#;
//~^^^ cert_verification_disabled_in_config_string

const KUBECONFIG_SAFE: &str = r#"
clusters:
- cluster:
    server: https://k8s.example.com:6443
    insecure-skip-tls-verify: false
"#;

fn messages() {
    println!("never use tlsInsecure=true in production");
    let _ = Err::<(), _>("TrustServerCertificate=true is not allowed");
}

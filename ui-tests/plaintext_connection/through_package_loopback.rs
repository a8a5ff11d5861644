// A config struct whose host field is only ever given loopback values: no finding.
use tokio_postgres::NoTls;

pub struct Database {
    host: String,
}

impl Database {
    async fn connect(&self) -> Result<(), tokio_postgres::Error> {
        let mut config = tokio_postgres::Config::new();
        config.host(&self.host).user("app");
        let (_client, _conn) = config.connect(NoTls).await?;
        Ok(())
    }
}

impl Default for Database {
    fn default() -> Self {
        Database { host: "localhost".into() }
    }
}

pub fn sidecar() -> Database {
    Database { host: String::from("127.0.0.1") }
}

pub fn socket() -> Database {
    Database { host: "/var/run/postgresql".to_string() }
}

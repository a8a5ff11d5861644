// A host that reaches a plaintext connection through a config struct's field is judged by the
// values the package gives that field.
use tokio_postgres::NoTls;

pub struct Database {
    host: String,
}

impl Database {
    async fn connect(&self) -> Result<(), tokio_postgres::Error> {
        let mut config = tokio_postgres::Config::new();
        config.host(&self.host).user("app");
        let (_client, _conn) = config.connect(NoTls).await?;
        //~^ plaintext_connection
        Ok(())
    }
}

pub fn production() -> Database {
    Database { host: "db.prod.example.com".into() }
}

pub fn local() -> Database {
    Database { host: "localhost".to_string() }
}

// A host read from a deserialized configuration: decided at run time.
#[derive(serde::Deserialize)]
pub struct Settings {
    pub db_host: String,
}

pub async fn from_settings(settings: &Settings) -> Result<(), tokio_postgres::Error> {
    let mut config = tokio_postgres::Config::new();
    config.host(&settings.db_host).user("app");
    let (_client, _conn) = config.connect(NoTls).await?;
    //~^ plaintext_connection
    Ok(())
}

import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'data-warehouse',
  description: 'Clients of analytical warehouses and query engines (analytics kept out of the OLTP database)',
  libraries: {
  "js": [
    "@google-cloud/bigquery",
    "snowflake-sdk",
    "@clickhouse/client",
    "@aws-sdk/client-redshift-data",
    "@aws-sdk/client-athena",
    "athena-express",
    "@databricks/sql"
  ],
  "python": [
    {
      "package": "google-cloud-bigquery",
      "imports": [
        "google.cloud.bigquery"
      ]
    },
    {
      "package": "snowflake-connector-python",
      "imports": [
        "snowflake"
      ]
    },
    {
      "package": "clickhouse-connect",
      "imports": [
        "clickhouse_connect"
      ]
    },
    {
      "package": "clickhouse-driver",
      "imports": [
        "clickhouse_driver"
      ]
    },
    {
      "package": "redshift-connector",
      "imports": [
        "redshift_connector"
      ]
    },
    "pyathena",
    {
      "package": "databricks-sql-connector",
      "imports": [
        "databricks"
      ]
    }
  ],
  "ruby": [
    { "package": "google-cloud-bigquery", "imports": ["google/cloud/bigquery", "Google::Cloud::Bigquery"] },
    { "package": "click_house", "imports": ["click_house", "ClickHouse"] },
    { "package": "aws-sdk-athena", "imports": ["aws-sdk-athena", "Aws::Athena"] },
    { "package": "aws-sdk-redshiftdataapiservice", "imports": ["aws-sdk-redshiftdataapiservice", "Aws::RedshiftDataAPIService"] }
  ],
  "php": [
    { "package": "google/cloud-bigquery", "imports": ["Google\\Cloud\\BigQuery"] },
    { "package": "smi2/phpclickhouse", "imports": ["ClickHouseDB"] },
    { "package": "aws/aws-sdk-php", "imports": ["Aws\\Athena", "Aws\\RedshiftDataAPIService"] }
  ]
},
});

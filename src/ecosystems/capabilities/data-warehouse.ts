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
  ]
},
});

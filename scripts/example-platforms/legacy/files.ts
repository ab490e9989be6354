// Every file of the legacy order desk besides the two route files.
//
// The credentials in config.js are fake, built here by concatenation so that this generator's
// own source holds no secret-looking literal. Not the AWS documentation pair
// (AKIA...EXAMPLE): scanners rightly skip documented sample keys, and the point of the legacy
// platform is a secret that a scanner must find.
import { Random, seedOf } from '../random.ts';

export const FAKE_SECRETS = {
  awsAccessKeyId: ['AKIA', 'Q3NZ7VXW', 'L2KD5RJT'].join(''),
  awsSecretAccessKey: ['Zk4t9Wq2Lr7', 'uXy3Nb0Hs6Pd1Vm8Ce5Jf', 'Ao2Qg7Rw'].join('/'),
  dbPassword: ['Tr4de', 'P0int!2019'].join(''),
  sessionSecret: ['od_s3ss10n', 'k9Xq27LwZ4'].join('_'),
  smtpPassword: ['SG', 'q8Yd2LmPx0', 'Zr7tKwB3nV5cH'].join('.'),
  erpPassword: ['Nav', 'ision#2020'].join(''),
  passwordSalt: ['s4lty', 'McSalt', 'face'].join(''),
} as const;

export function configJs(): string {
  const s = FAKE_SECRETS;
  return `// production config - DO NOT COMMIT CHANGES without telling Dave
module.exports = {
  port: process.env.PORT || 3000,
  baseUrl: 'https://orderdesk.example.com',
  db: {
    host: 'orderdesk-prod.c9xk2lq1vbnm.eu-west-1.rds.amazonaws.com',
    user: 'orderdesk',
    password: '${s.dbPassword}',
    database: 'orderdesk',
    charset: 'utf8mb4'
  },
  aws: {
    accessKeyId: '${s.awsAccessKeyId}',
    secretAccessKey: '${s.awsSecretAccessKey}',
    region: 'eu-west-1',
    bucket: 'orderdesk-uploads'
  },
  sessionSecret: '${s.sessionSecret}',
  passwordSalt: '${s.passwordSalt}',
  mail: {
    host: 'smtp.sendgrid.net',
    port: 587,
    user: 'apikey',
    password: '${s.smtpPassword}',
    from: 'OrderDesk <noreply@orderdesk.example.com>',
    opsAddress: 'ops@orderdesk.example.com'
  },
  erp: {
    url: 'http://10.0.1.40:7048/NAV/api/v1.0',
    company: 'ORDERDESK BV',
    user: 'ODSERVICE',
    password: '${s.erpPassword}'
  },
  wms: {
    url: 'http://10.0.1.41:8080/wms'
  }
};
`;
}

export const SERVER_JS = `var express = require('express');
var bodyParser = require('body-parser');
var cors = require('cors');
var session = require('express-session');
var fileUpload = require('express-fileupload');
var path = require('path');
var config = require('./config');
var schema = require('./lib/schema');

var app = express();

app.use(cors());
app.use(bodyParser.json({ limit: '50mb' }));
app.use(bodyParser.urlencoded({ extended: true, limit: '50mb' }));
app.use(fileUpload());
app.use(
  session({
    secret: config.sessionSecret,
    resave: true,
    saveUninitialized: true,
    cookie: { maxAge: 1000 * 60 * 60 * 24 * 30 }
  })
);
app.use(express.static(path.join(__dirname, 'public')));

app.use(function (req, res, next) {
  console.log(new Date().toISOString() + ' ' + req.method + ' ' + req.url);
  next();
});

app.use('/api', require('./routes/api'));
app.use('/admin', require('./routes/admin'));

app.use(function (err, req, res, next) {
  console.log('UNHANDLED', err);
  res.status(500).send('Internal error');
});

process.on('uncaughtException', function (err) {
  console.log('uncaughtException', err);
});

schema.ensureTables(function () {
  app.listen(config.port, function () {
    console.log('orderdesk api listening on ' + config.port);
  });
});
`;

export const DB_JS = `var mysql = require('mysql');
var config = require('./config');

var pool = mysql.createPool({
  connectionLimit: 50,
  host: config.db.host,
  user: config.db.user,
  password: config.db.password,
  database: config.db.database,
  charset: config.db.charset
});

pool.on('error', function (err) {
  console.log('mysql pool error', err);
});

module.exports = pool;
`;

export const HELPERS_JS = `var moment = require('moment');

function toMysqlDate(value) {
  if (!value) return null;
  return moment(value).format('YYYY-MM-DD HH:mm:ss');
}

function formatDate(value) {
  if (!value) return '';
  return moment(value).format('DD.MM.YYYY HH:mm');
}

function formatMoney(value, currency) {
  var n = Number(value || 0);
  var symbol = currency === 'USD' ? '$' : currency === 'GBP' ? '£' : '€';
  return symbol + n.toFixed(2).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
}

function csvEscape(value) {
  if (value === null || value === undefined) return '';
  var s = String(value);
  if (s.indexOf(',') !== -1 || s.indexOf('"') !== -1 || s.indexOf('\\n') !== -1) {
    return '"' + s.replace(/"/g, '""') + '"';
  }
  return s;
}

function escape(value) {
  if (value === null || value === undefined) return '';
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function renderTable(obj) {
  var out = '';
  Object.keys(obj).forEach(function (k) {
    out += k + ': ' + obj[k] + '\\n';
  });
  return out;
}

function adminHeader(title, user) {
  return '<!doctype html><html><head><title>' + title + ' - OrderDesk admin</title>' +
    '<link rel="stylesheet" href="/css/admin.css"></head><body>' +
    '<div class="top"><b>OrderDesk admin</b> <span class="user">' + (user ? user.email : '') + '</span></div>' +
    '<h1>' + title + '</h1>';
}

function adminFooter() {
  return '<div class="footer">OrderDesk &copy; ' + new Date().getFullYear() + '</div></body></html>';
}

function toWmsOrder(order) {
  return {
    reference: 'OD' + order.id,
    customer: order.customer_id,
    lines: order.lines || [],
    priority: order.total > 5000 ? 'HIGH' : 'NORMAL'
  };
}

module.exports = {
  toMysqlDate: toMysqlDate,
  formatDate: formatDate,
  formatMoney: formatMoney,
  csvEscape: csvEscape,
  escape: escape,
  renderTable: renderTable,
  adminHeader: adminHeader,
  adminFooter: adminFooter,
  toWmsOrder: toWmsOrder
};
`;

export const MAILER_JS = `var nodemailer = require('nodemailer');
var config = require('../config');

var transport = nodemailer.createTransport({
  host: config.mail.host,
  port: config.mail.port,
  auth: { user: config.mail.user, pass: config.mail.password }
});

function send(to, subject, text, cb) {
  transport.sendMail({ from: config.mail.from, to: to, subject: subject, text: text }, function (err, info) {
    if (err) console.log('mail to ' + to + ' failed: ' + err.message);
    else console.log('mail sent to ' + to + ': ' + subject);
    if (cb) cb(err, info);
  });
}

module.exports = { send: send };
`;

export const S3_JS = `var AWS = require('aws-sdk');
var config = require('../config');

var s3 = new AWS.S3({
  accessKeyId: config.aws.accessKeyId,
  secretAccessKey: config.aws.secretAccessKey,
  region: config.aws.region
});

function upload(key, body, cb) {
  s3.upload({ Bucket: config.aws.bucket, Key: key, Body: body, ACL: 'public-read' }, function (err, data) {
    if (err) return cb(err);
    console.log('uploaded ' + key);
    cb(null, data.Location);
  });
}

module.exports = { upload: upload };
`;

const TABLES: [string, string][] = [
  ['users', 'email VARCHAR(190) NOT NULL UNIQUE, name VARCHAR(190), role VARCHAR(32) DEFAULT \'staff\', password_hash CHAR(32), reset_token CHAR(32), reset_expires DATETIME, last_login_at DATETIME, status VARCHAR(32)'],
  ['customers', 'company_name VARCHAR(255), contact_name VARCHAR(255), email VARCHAR(190), phone VARCHAR(64), vat_number VARCHAR(64), credit_limit DECIMAL(12,2), price_list_id INT, region_id INT, status VARCHAR(32)'],
  ['orders', 'customer_id INT, status VARCHAR(32), total DECIMAL(12,2), currency CHAR(3), placed_at DATETIME, notes TEXT, shipping_address_id INT, sales_rep_id INT, po_number VARCHAR(64), wms_synced_at DATETIME, erp_synced_at DATETIME, erp_ref VARCHAR(64)'],
  ['order_items', 'order_id INT, product_id INT, description VARCHAR(255), qty DECIMAL(10,2), unit_price DECIMAL(12,2), amount DECIMAL(12,2)'],
  ['products', 'sku VARCHAR(64), name VARCHAR(255), description TEXT, category_id INT, brand_id INT, unit_price DECIMAL(12,2), cost_price DECIMAL(12,2), weight_kg DECIMAL(8,3), stock_qty INT, status VARCHAR(32)'],
  ['invoices', 'order_id INT, customer_id INT, number VARCHAR(32), amount DECIMAL(12,2), tax_amount DECIMAL(12,2), due_date DATE, paid_at DATETIME, status VARCHAR(32), reminded_at DATETIME'],
  ['notes', 'entity VARCHAR(64), entity_id INT, user_id INT, text TEXT, internal TINYINT DEFAULT 0'],
  ['attachments', 'entity VARCHAR(64), entity_id INT, s3_key VARCHAR(255), url VARCHAR(512), filename VARCHAR(255), size INT'],
  ['activity', 'entity VARCHAR(64), entity_id INT, action VARCHAR(32), user_id INT'],
  ['admin_changes', 'admin_id INT, tbl VARCHAR(64), row_id INT, before_json MEDIUMTEXT, after_json MEDIUMTEXT'],
  ['order_history', 'order_id INT, from_status VARCHAR(32), to_status VARCHAR(32), user_id INT'],
  ['jobs_log', 'worker VARCHAR(64), instance INT, message TEXT'],
];

export function schemaJs(): string {
  let s = `// creates the tables on startup if they are missing (new servers / local dev)\nvar db = require('../db');\n\nvar statements = [\n`;
  s += TABLES.map(
    ([t, cols]) =>
      `  'CREATE TABLE IF NOT EXISTS ${t} (id INT AUTO_INCREMENT PRIMARY KEY, ${cols.replace(/'/g, "\\'")}, created_at DATETIME, updated_at DATETIME, deleted_at DATETIME) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4'`,
  ).join(',\n');
  s += `\n];\n\nfunction ensureTables(done) {\n  var left = statements.length;\n  statements.forEach(function (sql) {\n    db.query(sql, function (err) {\n      if (err) console.log('schema error: ' + err.message);\n      if (--left === 0) {\n        console.log('schema ok');\n        done();\n      }\n    });\n  });\n}\n\nmodule.exports = { ensureTables: ensureTables };\n`;
  return s;
}

export const FIX_TOTALS_JS = `// one-off fix for the rounding bug (ticket from finance, march 2023)
// run: node scripts/fix-order-totals.js
var db = require('../db');

db.query('ALTER TABLE orders MODIFY total DECIMAL(14,4)', function (err) {
  if (err) console.log('alter failed (maybe already done)', err.message);
  db.query(
    'UPDATE orders o SET total = (SELECT COALESCE(SUM(amount), 0) FROM order_items i WHERE i.order_id = o.id) WHERE o.created_at > "2023-01-01"',
    function (err, result) {
      if (err) {
        console.log(err);
        process.exit(1);
      }
      console.log('fixed ' + result.affectedRows + ' orders');
      process.exit(0);
    }
  );
});
`;

export const BACKUP_SH = `#!/bin/bash
# nightly backup, cron on worker1: 0 3 * * * /var/www/orderdesk/scripts/backup-db.sh
set -e
STAMP=$(date +%Y%m%d)
mysqldump -h orderdesk-prod.c9xk2lq1vbnm.eu-west-1.rds.amazonaws.com -u orderdesk -p"$DB_PASS" --single-transaction orderdesk | gzip > /tmp/orderdesk-$STAMP.sql.gz
aws s3 cp /tmp/orderdesk-$STAMP.sql.gz s3://orderdesk-backups/
rm /tmp/orderdesk-$STAMP.sql.gz
echo "backup done $STAMP"
`;

export const DEPLOY_SH = `#!/bin/bash
# Deploy to production. Run from your laptop, needs the deploy key (ask Dave).
# web1/web2 run the api, worker1 runs ALL the workers (never start them on two boxes,
# orders get processed twice).
set -e

WEB_HOSTS="10.0.1.21 10.0.1.22"
WORKER_HOST="10.0.1.30"
APP_DIR=/var/www/orderdesk

echo "deploying $(git rev-parse --short HEAD)"

for h in $WEB_HOSTS; do
  echo "== $h"
  rsync -az --delete --exclude node_modules --exclude .git --exclude uploads ./ deploy@$h:$APP_DIR/
  ssh deploy@$h "cd $APP_DIR && npm install --production && pm2 restart api || pm2 start server.js --name api"
done

echo "== workers on $WORKER_HOST"
rsync -az --delete --exclude node_modules --exclude .git ./ deploy@$WORKER_HOST:$APP_DIR/
ssh deploy@$WORKER_HOST "cd $APP_DIR && npm install --production && pm2 reload ecosystem.config.js && pm2 save"

echo "done"
`;

export interface WorkerSpec {
  name: string;
  instances: number;
  purpose: string;
  table: string;
  where: string;
  intervalMs: number;
  driver: 'mysql' | 'mysql2';
  /** Statement run for each row (uses `row`). */
  perRow: string;
  update: string;
  /** Who wrote it (history). */
  author: 'dave' | 'priya' | 'tom';
}

export const WORKERS: WorkerSpec[] = [
  { name: 'order-sync', instances: 16, purpose: 'pushes confirmed orders to the warehouse system (WMS)', table: 'orders', where: "status = 'confirmed' AND wms_synced_at IS NULL", intervalMs: 5000, driver: 'mysql', perRow: "axios.post(config.wms.url + '/orders', helpers.toWmsOrder(row))", update: 'UPDATE orders SET wms_synced_at = NOW() WHERE id = ?', author: 'dave' },
  { name: 'stock-levels', instances: 12, purpose: 'pulls stock levels from the WMS into products.stock_qty', table: 'products', where: "status = 'active' AND (stock_checked_at IS NULL OR stock_checked_at < DATE_SUB(NOW(), INTERVAL 10 MINUTE))", intervalMs: 10000, driver: 'mysql', perRow: "axios.get(config.wms.url + '/stock/' + encodeURIComponent(row.sku))", update: 'UPDATE products SET stock_checked_at = NOW() WHERE id = ?', author: 'dave' },
  { name: 'invoice-mailer', instances: 12, purpose: 'emails invoices that are ready and reminds overdue ones', table: 'invoices', where: "(status = 'sent' AND mailed_at IS NULL) OR (status = 'overdue' AND (reminded_at IS NULL OR reminded_at < DATE_SUB(NOW(), INTERVAL 7 DAY)))", intervalMs: 15000, driver: 'mysql2', perRow: "mailer.sendAsync(row.customer_email, 'Invoice ' + row.number, 'Please find your invoice at ' + config.baseUrl + '/invoices/' + row.id)", update: 'UPDATE invoices SET mailed_at = NOW(), reminded_at = NOW() WHERE id = ?', author: 'priya' },
  { name: 'shipment-tracker', instances: 10, purpose: 'polls carrier APIs for tracking updates', table: 'shipments', where: "status = 'in_transit' AND (tracked_at IS NULL OR tracked_at < DATE_SUB(NOW(), INTERVAL 30 MINUTE))", intervalMs: 20000, driver: 'mysql', perRow: "axios.get(row.tracking_url.replace('{n}', row.tracking_number))", update: 'UPDATE shipments SET tracked_at = NOW() WHERE id = ?', author: 'dave' },
  { name: 'payment-reconcile', instances: 10, purpose: 'matches bank payments to open invoices', table: 'payments', where: "status = 'pending' AND reconciled_at IS NULL", intervalMs: 30000, driver: 'mysql', perRow: "axios.get(config.erp.url + '/bankEntries?ref=' + encodeURIComponent(row.reference))", update: "UPDATE payments SET reconciled_at = NOW(), status = 'cleared' WHERE id = ?", author: 'dave' },
  { name: 'abandoned-carts', instances: 8, purpose: 'reminds customers about carts left open for a day', table: 'carts', where: "status = 'open' AND updated_at < DATE_SUB(NOW(), INTERVAL 1 DAY) AND reminded_at IS NULL", intervalMs: 60000, driver: 'mysql', perRow: "mailer.sendAsync(row.email, 'You left something in your cart', config.baseUrl + '/cart/' + row.id)", update: 'UPDATE carts SET reminded_at = NOW() WHERE id = ?', author: 'dave' },
  { name: 'price-updates', instances: 8, purpose: 'applies scheduled price list changes', table: 'price_list_items', where: 'apply_at <= NOW() AND applied_at IS NULL', intervalMs: 60000, driver: 'mysql', perRow: "query('UPDATE products SET unit_price = ? WHERE id = ?', [row.new_price, row.product_id])", update: 'UPDATE price_list_items SET applied_at = NOW() WHERE id = ?', author: 'dave' },
  { name: 'report-builder', instances: 8, purpose: 'builds the nightly sales reports requested from the admin', table: 'report_requests', where: "status = 'queued'", intervalMs: 5000, driver: 'mysql2', perRow: "buildReport(row)", update: "UPDATE report_requests SET status = 'done', finished_at = NOW() WHERE id = ?", author: 'dave' },
  { name: 'notification-sender', instances: 8, purpose: 'sends queued notifications (email/sms)', table: 'notifications', where: "status = 'queued'", intervalMs: 2000, driver: 'mysql', perRow: "row.channel === 'sms' ? axios.post(config.sms.url, { to: row.phone, text: row.payload }) : mailer.sendAsync(row.email, row.template, row.payload)", update: "UPDATE notifications SET status = 'sent', sent_at = NOW() WHERE id = ?", author: 'dave' },
  { name: 'supplier-feed', instances: 6, purpose: 'imports supplier price and availability feeds', table: 'suppliers', where: "status = 'active' AND feed_url IS NOT NULL AND (feed_checked_at IS NULL OR feed_checked_at < DATE_SUB(NOW(), INTERVAL 1 HOUR))", intervalMs: 120000, driver: 'mysql', perRow: "axios.get(row.feed_url)", update: 'UPDATE suppliers SET feed_checked_at = NOW() WHERE id = ?', author: 'tom' },
  { name: 'search-indexer', instances: 6, purpose: 'copies changed products into the search table', table: 'products', where: 'updated_at > indexed_at OR indexed_at IS NULL', intervalMs: 30000, driver: 'mysql', perRow: "query('REPLACE INTO product_search (product_id, text) VALUES (?, ?)', [row.id, [row.sku, row.name, row.description].join(' ')])", update: 'UPDATE products SET indexed_at = NOW() WHERE id = ?', author: 'dave' },
  { name: 'cleanup', instances: 4, purpose: 'deletes expired sessions, old carts and temp uploads', table: 'carts', where: "status = 'abandoned' AND updated_at < DATE_SUB(NOW(), INTERVAL 90 DAY)", intervalMs: 300000, driver: 'mysql', perRow: "query('DELETE FROM cart_items WHERE cart_id = ?', [row.id])", update: 'DELETE FROM carts WHERE id = ?', author: 'dave' },
];

export function workerJs(w: WorkerSpec): string {
  const r = new Random(seedOf(`worker:${w.name}`));
  const batch = r.pick([20, 50, 100, 200]);
  const tag = `[${w.name}]`;
  const connStr = ['mysql://orderdesk:', FAKE_SECRETS.dbPassword, '@10.0.1.30/orderdesk'].join('');
  if (w.driver === 'mysql2') {
    const conn =
      w.author === 'priya'
        ? `// TODO move to config (priya)\nconst pool = mysql.createPool('${connStr}');`
        : `const pool = mysql.createPool({ ...config.db, connectionLimit: 5 });`;
    return `// ${w.name}: ${w.purpose}
// started by pm2, see ecosystem.config.js (instances: ${w.instances})
const mysql = require('mysql2/promise');
const axios = require('axios');
const config = require('../config');
const mailer = require('../lib/mailer');

${conn}
const INSTANCE = parseInt(process.env.NODE_APP_INSTANCE || '0', 10);
const INSTANCES = ${w.instances}; // keep in sync with ecosystem.config.js !!
let busy = false;

mailer.sendAsync = (to, subject, text) => new Promise((resolve, reject) => mailer.send(to, subject, text, (err) => (err ? reject(err) : resolve())));

async function buildReport(row) {
  const [rows] = await pool.query('SELECT DATE(created_at) AS day, COUNT(*) AS n, SUM(total) AS total FROM orders WHERE created_at BETWEEN ? AND ? GROUP BY day', [row.date_from, row.date_to]);
  await pool.query('UPDATE report_requests SET result_json = ? WHERE id = ?', [JSON.stringify(rows), row.id]);
}

async function tick() {
  if (busy) return;
  busy = true;
  try {
    const [rows] = await pool.query(
      'SELECT * FROM ${w.table} WHERE (${w.where.replace(/'/g, "\\'")}) AND id % ' + INSTANCES + ' = ' + INSTANCE + ' ORDER BY id LIMIT ${batch}'
    );
    if (rows.length) console.log('${tag} ' + INSTANCE + ': ' + rows.length + ' rows');
    for (const row of rows) {
      try {
        await ${w.perRow};
        await pool.query(${JSON.stringify(w.update)}, [row.id]);
      } catch (e) {
        console.log('${tag} failed for ${w.table} ' + row.id + ': ' + e.message);
        await pool.query('INSERT INTO jobs_log (worker, instance, message, created_at) VALUES (?, ?, ?, NOW())', ['${w.name}', INSTANCE, e.message]);
      }
    }
  } catch (err) {
    console.log('${tag} tick failed', err);
  } finally {
    busy = false;
  }
}

setInterval(tick, ${w.intervalMs});
console.log('${tag} worker ' + INSTANCE + '/' + INSTANCES + ' started');
`;
  }
  return `// ${w.name}: ${w.purpose}
// started by pm2, see ecosystem.config.js (instances: ${w.instances})
var mysql = require('mysql');
var axios = require('axios');
var config = require('../config');
var helpers = require('../lib/helpers');
var mailer = require('../lib/mailer');

var connection = mysql.createConnection(config.db);
connection.connect(function (err) {
  if (err) {
    console.log('${tag} cannot connect to mysql', err);
    process.exit(1);
  }
});

var INSTANCE = parseInt(process.env.NODE_APP_INSTANCE || '0');
var INSTANCES = ${w.instances}; // keep in sync with ecosystem.config.js !!
var running = false;

mailer.sendAsync = function (to, subject, text) {
  return new Promise(function (resolve, reject) {
    mailer.send(to, subject, text, function (err) {
      if (err) reject(err);
      else resolve();
    });
  });
};

function query(sql, params) {
  return new Promise(function (resolve, reject) {
    connection.query(sql, params, function (err, rows) {
      if (err) reject(err);
      else resolve(rows);
    });
  });
}

setInterval(function () {
  if (running) return; // previous tick still busy
  running = true;
  var sql = "SELECT * FROM ${w.table} WHERE (${w.where.replace(/"/g, '\\"')}) AND id % " + INSTANCES + ' = ' + INSTANCE + ' ORDER BY id LIMIT ${batch}';
  connection.query(sql, function (err, rows) {
    if (err) {
      console.log('${tag} query failed', err);
      running = false;
      return;
    }
    if (rows.length === 0) {
      running = false;
      return;
    }
    console.log('${tag} ' + INSTANCE + ': processing ' + rows.length);
    var left = rows.length;
    rows.forEach(function (row) {
      Promise.resolve()
        .then(function () {
          return ${w.perRow};
        })
        .then(function () {
          return query(${JSON.stringify(w.update)}, [row.id]);
        })
        .catch(function (e) {
          console.log('${tag} ${w.table} ' + row.id + ' failed: ' + e.message);
        })
        .then(function () {
          if (--left === 0) running = false;
        });
    });
  });
}, ${w.intervalMs});

console.log('${tag} worker ' + INSTANCE + ' started, helpers v' + (helpers.version || '1'));
`;
}

export function ecosystemJs(workers: readonly WorkerSpec[]): string {
  const apps = workers
    .map(
      (w) => `    {
      name: '${w.name}',
      script: './workers/${w.name}.js',
      instances: ${w.instances},
      exec_mode: 'cluster',
      max_memory_restart: '${w.instances >= 10 ? '300M' : '200M'}',
      autorestart: true,
      env: {
        NODE_ENV: 'production'
      }
    }`,
    )
    .join(',\n');
  return `// PM2 config for the worker box (worker1).
// The api itself runs on web1/web2 with \`pm2 start server.js --name api\` (see deploy.sh).
module.exports = {
  apps: [
${apps}
  ]
};
`;
}

export function packageJson(version: string, deps: readonly string[]): string {
  const all: Record<string, string> = {
    async: '^2.6.1',
    'aws-sdk': '^2.400.0',
    axios: '^0.19.0',
    'body-parser': '^1.18.3',
    cors: '^2.8.5',
    express: '^4.16.4',
    'express-fileupload': '^1.1.4',
    'express-session': '^1.15.6',
    lodash: '^4.17.11',
    moment: '^2.24.0',
    multer: '^1.4.1',
    mysql: '^2.16.0',
    mysql2: '^1.6.5',
    nodemailer: '^6.1.0',
  };
  const dependencies = Object.fromEntries(Object.entries(all).filter(([k]) => deps.includes(k)));
  return `${JSON.stringify(
    {
      name: 'orderdesk',
      version,
      private: true,
      main: 'server.js',
      scripts: { start: 'node server.js', test: 'echo "Error: no test specified" && exit 1' },
      dependencies,
    },
    null,
    2,
  )}\n`;
}

export const README_MD = `# orderdesk

OrderDesk API + admin for the wholesale shop.

## Run

\`\`\`
npm install
node server.js
\`\`\`

Needs config.js with the prod values, ask Dave. Deploy with ./deploy.sh.
`;

export const GITIGNORE = `node_modules/
uploads/
logs/
*.log
.DS_Store
`;

// The data model of the legacy order desk: tables as the route handlers see them.
export interface Entity {
  /** URL segment: "purchase-orders". */
  path: string;
  table: string;
  singular: string;
  /** Columns besides id, created_at, updated_at, deleted_at. */
  columns: string[];
  statuses: string[];
  /** Column joined to another table for list views: [column, table, label column]. */
  join?: [string, string, string];
  /** Actions posted to /:id/<action>, each moving status. */
  actions: string[];
  /** Child tables listed under /:id/<child>. */
  children: string[];
}

function e(
  path: string,
  table: string,
  singular: string,
  columns: string,
  statuses: string,
  actions: string,
  children: string,
  join?: [string, string, string],
): Entity {
  const split = (s: string): string[] => (s ? s.split(',') : []);
  const ent: Entity = { path, table, singular, columns: split(columns), statuses: split(statuses), actions: split(actions), children: split(children) };
  if (join) ent.join = join;
  return ent;
}

export const ENTITIES: Entity[] = [
  e('orders', 'orders', 'order', 'customer_id,status,total,currency,placed_at,notes,shipping_address_id,sales_rep_id,po_number', 'pending,confirmed,paid,shipped,delivered,cancelled', 'confirm,cancel,ship,mark-paid,reopen', 'order_items,shipments,invoices', ['customer_id', 'customers', 'company_name']),
  e('customers', 'customers', 'customer', 'company_name,contact_name,email,phone,vat_number,credit_limit,price_list_id,region_id,status', 'prospect,active,on_hold,closed', 'activate,hold,close', 'orders,addresses,invoices', ['price_list_id', 'price_lists', 'name']),
  e('products', 'products', 'product', 'sku,name,description,category_id,brand_id,unit_price,cost_price,weight_kg,stock_qty,status', 'draft,active,discontinued', 'publish,discontinue', 'product_images,reviews,stock_movements', ['category_id', 'categories', 'name']),
  e('categories', 'categories', 'category', 'name,slug,parent_id,position,visible', 'visible,hidden', 'show,hide', 'products', ['parent_id', 'categories', 'name']),
  e('invoices', 'invoices', 'invoice', 'order_id,customer_id,number,amount,tax_amount,due_date,paid_at,status', 'draft,sent,paid,overdue,void', 'send,void,mark-paid,remind', 'payments,invoice_lines', ['customer_id', 'customers', 'company_name']),
  e('payments', 'payments', 'payment', 'invoice_id,customer_id,amount,method,reference,received_at,status', 'pending,cleared,failed,refunded', 'clear,refund', 'refunds', ['invoice_id', 'invoices', 'number']),
  e('shipments', 'shipments', 'shipment', 'order_id,carrier_id,tracking_number,shipped_at,delivered_at,weight_kg,status', 'packing,in_transit,delivered,lost', 'dispatch,deliver,mark-lost', 'shipment_items,tracking_events', ['carrier_id', 'carriers', 'name']),
  e('carriers', 'carriers', 'carrier', 'name,code,tracking_url,api_endpoint,active', 'active,inactive', 'enable,disable', 'shipments'),
  e('warehouses', 'warehouses', 'warehouse', 'name,code,address_line1,city,country,capacity,manager_id', 'open,closed', 'open,close', 'stock_levels,stock_movements'),
  e('suppliers', 'suppliers', 'supplier', 'name,contact_email,phone,lead_time_days,payment_terms,rating,status', 'active,blocked', 'approve,block', 'purchase_orders,supplier_products'),
  e('purchase-orders', 'purchase_orders', 'purchase order', 'supplier_id,warehouse_id,number,expected_at,total,status', 'draft,sent,received,cancelled', 'send,receive,cancel', 'purchase_order_lines', ['supplier_id', 'suppliers', 'name']),
  e('coupons', 'coupons', 'coupon', 'code,discount_type,discount_value,valid_from,valid_until,max_uses,used_count,status', 'active,expired,disabled', 'enable,disable', 'coupon_redemptions'),
  e('promotions', 'promotions', 'promotion', 'name,starts_at,ends_at,discount_pct,category_id,status', 'scheduled,running,ended', 'start,stop', 'promotion_products'),
  e('price-lists', 'price_lists', 'price list', 'name,currency,valid_from,markup_pct,status', 'draft,active,archived', 'activate,archive', 'price_list_items,customers'),
  e('reviews', 'reviews', 'review', 'product_id,customer_id,rating,title,body,status', 'pending,approved,rejected', 'approve,reject', '', ['product_id', 'products', 'name']),
  e('carts', 'carts', 'cart', 'customer_id,session_id,total,item_count,status', 'open,converted,abandoned', 'checkout,abandon', 'cart_items', ['customer_id', 'customers', 'company_name']),
  e('wishlists', 'wishlists', 'wishlist', 'customer_id,name,shared', 'private,shared', 'share', 'wishlist_items'),
  e('addresses', 'addresses', 'address', 'customer_id,label,line1,line2,city,postcode,country,is_default', 'active,archived', 'make-default', '', ['customer_id', 'customers', 'company_name']),
  e('returns', 'returns', 'return', 'order_id,customer_id,reason,refund_amount,received_at,status', 'requested,approved,received,refunded,rejected', 'approve,receive,refund,reject', 'return_items', ['order_id', 'orders', 'po_number']),
  e('tickets', 'tickets', 'ticket', 'customer_id,subject,body,priority,assigned_to,status', 'open,pending,solved,closed', 'assign,solve,close,reopen', 'ticket_messages', ['customer_id', 'customers', 'company_name']),
  e('notifications', 'notifications', 'notification', 'user_id,channel,template,payload,sent_at,status', 'queued,sent,failed', 'resend', ''),
  e('quotes', 'quotes', 'quote', 'customer_id,sales_rep_id,valid_until,total,discount_pct,status', 'draft,sent,accepted,expired', 'send,accept,expire,convert', 'quote_lines', ['sales_rep_id', 'sales_reps', 'name']),
  e('subscriptions', 'subscriptions', 'subscription', 'customer_id,plan,interval_months,next_delivery_at,status', 'active,paused,cancelled', 'pause,resume,cancel', 'subscription_items'),
  e('sales-reps', 'sales_reps', 'sales rep', 'name,email,region_id,commission_pct,quota,status', 'active,left', 'deactivate', 'customers,quotes', ['region_id', 'regions', 'name']),
  e('regions', 'regions', 'region', 'name,code,currency,tax_rate_id', 'active,inactive', '', 'customers,sales_reps'),
  e('brands', 'brands', 'brand', 'name,slug,logo_url,website,status', 'active,hidden', 'hide,show', 'products'),
  e('gift-cards', 'gift_cards', 'gift card', 'code,initial_value,balance,customer_id,expires_at,status', 'active,redeemed,expired', 'redeem,expire', 'gift_card_transactions'),
  e('tax-rates', 'tax_rates', 'tax rate', 'name,country,rate_pct,valid_from', 'active,retired', 'retire', ''),
  e('delivery-slots', 'delivery_slots', 'delivery slot', 'warehouse_id,starts_at,ends_at,capacity,booked', 'open,full,closed', 'close,open', 'bookings', ['warehouse_id', 'warehouses', 'name']),
  e('stock-movements', 'stock_movements', 'stock movement', 'product_id,warehouse_id,qty,reason,reference,moved_at', 'pending,posted', 'post', '', ['product_id', 'products', 'sku']),
  e('users', 'users', 'user', 'email,name,role,password_hash,last_login_at,status', 'invited,active,disabled', 'disable,enable,reset-password', 'sessions'),
  e('webhooks', 'webhooks', 'webhook', 'customer_id,url,event,shared_key_ref,last_status,status', 'active,failing,disabled', 'disable,test', 'webhook_deliveries'),
  e('bundles', 'bundles', 'bundle', 'name,sku,price,discount_pct,valid_until,status', 'draft,active,retired', 'activate,retire', 'bundle_items'),
  e('catalogs', 'catalogs', 'catalog', 'name,season,year,pdf_url,price_list_id,status', 'draft,published,archived', 'publish,archive', 'catalog_pages', ['price_list_id', 'price_lists', 'name']),
  e('contracts', 'contracts', 'contract', 'customer_id,number,starts_at,ends_at,volume_commitment,discount_pct,status', 'draft,signed,expired,terminated', 'sign,terminate,renew', 'contract_lines', ['customer_id', 'customers', 'company_name']),
  e('credit-notes', 'credit_notes', 'credit note', 'invoice_id,customer_id,number,amount,reason,status', 'draft,issued,applied,void', 'issue,apply,void', 'credit_note_lines', ['invoice_id', 'invoices', 'number']),
  e('pick-lists', 'pick_lists', 'pick list', 'warehouse_id,order_id,picker_id,started_at,finished_at,status', 'open,picking,picked,cancelled', 'start,finish,cancel', 'pick_list_lines', ['warehouse_id', 'warehouses', 'name']),
  e('stock-counts', 'stock_counts', 'stock count', 'warehouse_id,counted_by,counted_at,variance_value,status', 'planned,counting,posted', 'start,post', 'stock_count_lines', ['warehouse_id', 'warehouses', 'name']),
  e('vendors-invoices', 'vendor_invoices', 'vendor invoice', 'supplier_id,purchase_order_id,number,amount,due_date,status', 'received,approved,paid,disputed', 'approve,pay,dispute', 'vendor_invoice_lines', ['supplier_id', 'suppliers', 'name']),
  e('loyalty-accounts', 'loyalty_accounts', 'loyalty account', 'customer_id,points_balance,tier,joined_at,status', 'active,frozen,closed', 'freeze,close', 'loyalty_transactions', ['customer_id', 'customers', 'company_name']),
  e('routes', 'delivery_routes', 'delivery route', 'warehouse_id,driver_name,vehicle_plate,route_date,stops,status', 'planned,on_road,completed', 'dispatch,complete', 'route_stops', ['warehouse_id', 'warehouses', 'name']),
  e('samples', 'sample_requests', 'sample request', 'customer_id,product_id,qty,requested_at,shipped_at,status', 'requested,approved,shipped,declined', 'approve,ship,decline', '', ['product_id', 'products', 'name']),
  e('leads', 'leads', 'lead', 'company_name,contact_name,email,phone,source,sales_rep_id,estimated_value,status', 'new,contacted,qualified,lost,won', 'contact,qualify,lose,win', 'lead_notes', ['sales_rep_id', 'sales_reps', 'name']),
  e('announcements', 'announcements', 'announcement', 'title,body,audience,starts_at,ends_at,status', 'draft,published,expired', 'publish,expire', ''),
];

/** A column that reads as money. */
export function isMoney(col: string): boolean {
  return /total|amount|price|value|balance|credit_limit|quota/.test(col);
}

export function isDate(col: string): boolean {
  return /_at$|_date$|valid_|expires_at/.test(col);
}

export function camel(s: string): string {
  return s.replace(/[-_ ]([a-z])/g, (_, c: string) => c.toUpperCase());
}

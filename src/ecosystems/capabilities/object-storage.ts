import { defineCapability } from '../capability.ts';

// Object storage clients: files kept there are visible to every host.
export default defineCapability({
  id: 'object-storage',
  description: 'Object storage clients (S3, GCS, Azure Blob, MinIO...)',
  libraries: {
    js: ['@aws-sdk/client-s3', '@aws-sdk/lib-storage', 'aws-sdk', '@google-cloud/storage', '@azure/storage-blob', 'minio', 'multer-s3', 'multer-gridfs-storage', 'multer-storage-cloudinary', 'cloudinary', '@vercel/blob', '@supabase/storage-js'],
    python: ['boto3', { package: 'google-cloud-storage', imports: ['google.cloud.storage'] }, { package: 'azure-storage-blob', imports: ['azure.storage.blob'] }, 'minio', { package: 'django-storages', imports: ['storages'] }],
  },
});

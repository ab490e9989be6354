import { defineCapability } from '../capability.ts';

// Object storage clients: files kept there are visible to every host.
export default defineCapability({
  id: 'object-storage',
  description: 'Object storage clients (S3, GCS, Azure Blob, MinIO...)',
  libraries: {
    js: ['@aws-sdk/client-s3', '@aws-sdk/lib-storage', 'aws-sdk', '@google-cloud/storage', '@azure/storage-blob', 'minio', 'multer-s3', 'multer-gridfs-storage', 'multer-storage-cloudinary', 'cloudinary', '@vercel/blob', '@supabase/storage-js'],
    python: ['boto3', { package: 'google-cloud-storage', imports: ['google.cloud.storage'] }, { package: 'azure-storage-blob', imports: ['azure.storage.blob'] }, 'minio', { package: 'django-storages', imports: ['storages'] }],
    ruby: [
      { package: 'aws-sdk-s3', imports: ['aws-sdk-s3', 'Aws::S3'] },
      { package: 'aws-sdk', imports: ['Aws::S3'] },
      { package: 'google-cloud-storage', imports: ['google/cloud/storage', 'Google::Cloud::Storage'] },
      { package: 'azure-storage-blob', imports: ['azure/storage/blob', 'Azure::Storage::Blob'] },
      { package: 'fog-aws', imports: ['fog/aws', 'Fog::AWS', 'Fog::Storage'] },
    ],
    php: [
      { package: 'aws/aws-sdk-php', imports: ['Aws\\S3'] },
      { package: 'league/flysystem-aws-s3-v3', imports: ['League\\Flysystem\\AwsS3V3'] },
      { package: 'league/flysystem-google-cloud-storage', imports: ['League\\Flysystem\\GoogleCloudStorage'] },
      { package: 'google/cloud-storage', imports: ['Google\\Cloud\\Storage'] },
    ],
  },
});

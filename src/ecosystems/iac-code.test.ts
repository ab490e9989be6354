import { describe, expect, it } from 'vitest';
import { defineDetector, yes } from '../core/detector.ts';
import { detect } from '../../test/harness.ts';
import { IAC_CODE_CONTENTS, IAC_CODE_PATTERNS, codeMapKeys, readIacCode, type IacCodeModel } from './iac-code.ts';

let model: IacCodeModel | undefined;
const probe = defineDetector({
  id: 'probe-iac-code',
  pillar: 'iac',
  question: 'What does the IaC code reader see?',
  rationale: 'test',
  patterns: { ...IAC_CODE_PATTERNS },
  contents: [...IAC_CODE_CONTENTS],
  detect({ repo, matches }) {
    model = readIacCode(repo, matches);
    return yes('read', []);
  },
});

const row = (m: IacCodeModel): string[] => m.constructs.map((c) => `${c.path}:${c.line} ${c.framework} ${c.cloud} ${c.name}${c.variable ? ` =${c.variable}` : ''}${c.tags ? ` tags[${c.tags.keys.join(',')}${c.tags.dynamic ? ',…' : ''}]` : ''}`);

describe('IaC code reader (CDK, CDKTF, Pulumi)', () => {
  it('reads constructs with service, type, variable and tags in TypeScript, Python, Go, Java and C#', async () => {
    await detect(probe, {
      'lib/stack.ts': [
        "import * as cdk from 'aws-cdk-lib';",
        "import * as s3 from 'aws-cdk-lib/aws-s3';",
        "import { Queue } from 'aws-cdk-lib/aws-sqs';",
        'export class S extends cdk.Stack {',
        '  constructor(scope: cdk.App, id: string) {',
        '    super(scope, id);',
        "    const assets = new s3.Bucket(this, 'Assets');",
        "    // new s3.Bucket(this, 'Old');",
        "    new Queue(this, 'Jobs');",
        "    new s3.CfnBucket(this, 'Raw', { tags: [{ key: 'team', value: 'data' }] });",
        "    cdk.Tags.of(assets).add('Owner', 'web');",
        '  }',
        '}',
        '',
      ].join('\n'),
      'pulumi/__main__.py': 'import numpy as np\nimport pulumi_aws as aws\n\nrng = np.random.Generator("pcg")\nbucket = aws.s3.BucketV2("raw", tags={**common, "team": "data"})\n',
      'pulumi/main.go': 'package main\n\nimport (\n\t"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/storage"\n\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"\n)\n\nfunc run(ctx *pulumi.Context) error {\n\t_, err := storage.NewBucket(ctx, "b", &storage.BucketArgs{Labels: pulumi.StringMap{"cost-center": pulumi.String("cc")}})\n\treturn err\n}\n',
      'java/src/main/java/App.java': 'import com.pulumi.aws.s3.BucketV2;\nimport com.pulumi.aws.s3.BucketV2Args;\n\npublic class App {\n  void run() {\n    var b = new BucketV2("b", BucketV2Args.builder().tags(Map.of("team", "web")).build());\n  }\n}\n',
      'cs/Stack.cs': 'using Pulumi;\nusing Pulumi.Aws.S3;\n\nclass MyStack : Stack {\n  public MyStack() {\n    var b = new BucketV2("b", new BucketV2Args { Tags = { { "owner", "ops" } } });\n  }\n}\n',
      'src/app.ts': "const x = new Map(); new s3.Bucket(this, 'NotIac');\n",
    });
    expect(row(model!).sort()).toEqual([
      'cs/Stack.cs:6 pulumi aws s3.BucketV2 =b tags[owner]',
      'java/src/main/java/App.java:6 pulumi aws s3.BucketV2 =b tags[team]',
      'lib/stack.ts:10 cdk aws s3.Bucket tags[team]',
      'lib/stack.ts:7 cdk aws s3.Bucket =assets',
      'lib/stack.ts:9 cdk aws sqs.Queue',
      'pulumi/__main__.py:5 pulumi aws s3.BucketV2 =bucket tags[team,…]',
      'pulumi/main.go:9 pulumi gcp storage.Bucket tags[cost-center]',
    ]);
    expect(model!.stackTags).toEqual([{ framework: 'cdk', path: 'lib/stack.ts', line: 11, keys: ['Owner'], target: 'assets' }]);
  });

  it.each([
    ["{ team: 'a', 'cost-center': b }", ['cost-center', 'team'], false],
    ['{"team": "data", **common}', ['team'], true],
    ['pulumi.StringMap{"team": pulumi.String("x")}', ['team'], false],
    ['commonTags', [], true],
  ])('reads the keys of %s', (value, keys, dynamic) => {
    expect(codeMapKeys(value)).toEqual({ keys, dynamic });
  });
});

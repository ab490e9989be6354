import { defineCapability } from '../capability.ts';

// Test frameworks as manifests declare them (JVM entries are group:artifact, as manifests name them).
export default defineCapability({
  id: 'test-framework',
  description: 'Unit test frameworks',
  libraries: {
    js: ['jest', 'vitest', 'mocha', 'ava', 'tap', 'jasmine', '@jest/globals', 'uvu', 'node:test', 'karma', '@cucumber/cucumber'],
    python: ['pytest', 'unittest', 'nose2', 'hypothesis'],
    go: ['github.com/stretchr/testify', 'github.com/onsi/ginkgo/v2', 'github.com/onsi/gomega'],
    jvm: ['org.junit.jupiter:junit-jupiter', 'org.junit.jupiter:junit-jupiter-api', 'junit:junit', 'org.testng:testng', 'io.kotest:kotest-runner-junit5', 'org.spockframework:spock-core', 'org.springframework.boot:spring-boot-starter-test'],
    ruby: ['rspec', 'rspec-rails', 'minitest'],
    dotnet: ['xunit', 'xunit.v3', 'NUnit', 'MSTest.TestFramework', 'MSTest.Sdk', 'MSTest', 'TUnit'],
    php: ['phpunit/phpunit', 'pestphp/pest'],
  },
});

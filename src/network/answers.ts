/** Answers slice of the network area: the VPC of each account and how address space is allocated. */
import { z } from "zod";
import { cidr, logRetention } from "../answers/fields.js";

export const Network = z
  .strictObject({
    cidr: cidr().optional().meta({
      description:
        "VPC CIDR. @default - the next free block of `addressing.vpcPrefixLength` from `addressing.supernet`.",
    }),
    azCount: z.number().int().min(1).max(6).default(2).meta({
      description:
        "Number of availability zones for the private (and NAT) subnets. Ignored when availabilityZones is set.",
    }),
    availabilityZones: z
      .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, { error: "must be a zone name" }))
      .min(1)
      .optional()
      .meta({
        description:
          "Exact zone names. @default - the first azCount zones of the home region (a, b, c, …).",
        examples: [["eu-west-1a", "eu-west-1b"]],
      }),
    nat: z.enum(["single", "per-az", "none"]).default("single").meta({
      description:
        "NAT gateways: one shared (cheapest), one per AZ (zone-independent), or none (no internet egress).",
    }),
    publicSubnets: z.boolean().default(true).meta({
      description:
        "Create public subnets. They host only NAT gateways; required when nat is not none.",
    }),
    flowLogRetentionDays: logRetention(365).meta({
      description: "Retention of the VPC flow log group in days.",
    }),
    interfaceEndpoints: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: "must be a service name" }))
      .default([])
      .meta({
        description: "Interface endpoints to create (service names, e.g. ssm, ecr.api, logs).",
        examples: [["ssm", "ssmmessages", "ec2messages"]],
      }),
  })
  .meta({ description: "Network of this account: a private VPC with NAT." });

export const Addressing = z
  .strictObject({
    supernet: cidr()
      .default("10.0.0.0/8")
      .meta({ description: "Private range VPC CIDRs are allocated from." }),
    vpcPrefixLength: z.number().int().min(16).max(24).default(16).meta({
      description: "Size of each automatically allocated VPC CIDR.",
    }),
    subnetPrefixLength: z.number().int().min(16).max(28).default(20).meta({
      description: "Size of each subnet carved from a VPC CIDR.",
    }),
  })
  .meta({ description: "How VPC address space is allocated across accounts." });

// The corpus at a glance: groups (id, label, colour) and one row per article with its
// size and the apparatus removed in cleaning. All the work is in loaders/summary.ts;
// this file only writes its result. An error propagates: tsx prints it on stderr and
// exits non-zero, which fails the build.
import { corpusSummary } from "../../loaders/summary.ts";

process.stdout.write(JSON.stringify(corpusSummary()));

package org.fentrace.ingest;

import org.fentrace.config.ParseCache;

/**
 * Where one ingest kept its parse output, and what the choice was made from: the level asked for
 * ({@code fentrace.ingest.parse-cache}), the level used ({@link ParseCache#AUTO} resolved by the
 * landing's size against Spark's storage memory), the plain and compressed bytes of the files read,
 * and the storage memory seen (0 on a cluster, where the driver does not know the executors'). The
 * run manifest records it: an operator asking why a night was slower, or used more memory, than the
 * one before sees which level each took without the driver's log.
 */
public record ParseCacheChoice(
    ParseCache asked, ParseCache used, long plainBytes, long compressedBytes, long storageBytes) {}

package io.duckstep.core.task;

/**
 * The latest-upload task's payload: nothing ({@code {}}); the task looks under the configured uploads prefix.
 */
public record LatestUploadInput() {}

export declare const workerSettings: readonly string[];
export declare const localSettings: readonly string[];

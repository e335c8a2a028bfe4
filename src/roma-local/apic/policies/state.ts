// Shared by the policy stores and the gateway stages: a change counter (the stages rebuild their
// lookup tables when it moves) and the row shapes.
export class PolicyState {
  /** Bumped by every write that can change what the gateway enforces. */
  epoch = 0;
  bump(): void {
    this.epoch++;
  }
}

export interface QuotaRow {
  id: string; instance_id: string; name: string; call_limits: number; time_unit: string; time_interval: number;
  reset_time: number | null; remark: string; create_time: number; seq: number;
}
export interface ThrottleRow {
  id: string; instance_id: string; name: string; api_call_limits: number; user_call_limits: number; app_call_limits: number;
  ip_call_limits: number; time_interval: number; time_unit: string; type: number; enable_adaptive_control: string;
  remark: string; create_time: number; seq: number;
}
export interface SpecialRow { id: string; throttle_id: string; object_type: string; object_id: string; call_limits: number; apply_time: number }
export interface PluginRow {
  id: string; instance_id: string; name: string; type: string; scope: string; content: string; roma_app_id: string;
  remark: string; create_time: number; update_time: number; seq: number;
}
export interface AppRow { id: string; instance_id: string; name: string; remark: string; app_key: string; create_time: number; update_time: number }

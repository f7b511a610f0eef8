// VideoWidget: a <video> element the program drives. The element's events
// become the callbacks play, pause, ended, error, timeupdate (coalesced:
// the latest position wins) and volumechange.
import "./videowidget.css";
import { el } from "../../dom.js";
import type { VideoWidgetCreateArgs, VideoWidgetEvents, VideoWidgetImpl } from "../../schema.js";
import { Widget, type WidgetEnv } from "../widget.js";

export class VideoWidget extends Widget implements VideoWidgetImpl {
  declare private readonly video: HTMLVideoElement;

  constructor(widgetId: number, args: VideoWidgetCreateArgs, events: VideoWidgetEvents, env: WidgetEnv) {
    super(widgetId, "VideoWidget", env, events, el("div"));
    const video = el("video", "pgw-videowidget-video", this.element);
    this.video = video;
    video.playsInline = true;
    video.preload = "auto";
    video.autoplay = args.autoplay;
    video.controls = args.controls;
    video.muted = args.muted;
    video.loop = args.loop;
    video.addEventListener("play", () => events.play());
    video.addEventListener("pause", () => events.pause());
    video.addEventListener("ended", () => events.ended());
    video.addEventListener("error", () => {
      const e = video.error;
      events.error(e ? e.message || String(e.code) : "unknown");
    });
    video.addEventListener("timeupdate", () => events.timeupdate(video.currentTime, video.duration));
    video.addEventListener("volumechange", () => events.volumechange(video.volume, video.muted));
    if (args.url) this.set_url(args.url);
  }

  set_url(url: string): void {
    this.video.srcObject = null;
    if (url) {
      this.video.src = url;
    } else {
      this.video.removeAttribute("src");
      this.video.load();
    }
  }

  set_stream(url: string): void {
    this.set_url(url);
    if (url) this.play();
  }

  play(): void {
    // A refusal (autoplay rules, no source) leaves it paused; a source that
    // cannot play reports error by its own event.
    this.video.play().catch(() => {});
  }

  pause(): void {
    this.video.pause();
  }

  stop(): void {
    this.video.pause();
    if (this.video.readyState > 0) this.video.currentTime = 0;
  }

  set_muted(muted: boolean): void {
    this.video.muted = muted;
  }

  get_muted(): boolean {
    return this.video.muted;
  }

  set_volume(volume: number): void {
    this.video.volume = Math.max(0, Math.min(1, volume));
  }

  get_volume(): number {
    return this.video.volume;
  }

  set_loop(loop: boolean): void {
    this.video.loop = loop;
  }

  set_controls(controls: boolean): void {
    this.video.controls = controls;
  }

  set_current_time(seconds: number): void {
    if (Number.isFinite(seconds)) this.video.currentTime = Math.max(0, seconds);
  }

  get_current_time(): number {
    return this.video.currentTime;
  }

  get_duration(): number {
    return this.video.duration;
  }

  get_paused(): boolean {
    return this.video.paused;
  }

  fullscreen(): void {
    this.video.requestFullscreen?.().catch(() => {});
  }

  protected override teardown(): void {
    this.video.pause();
    this.video.removeAttribute("src");
    super.teardown();
  }
}

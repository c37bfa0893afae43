import type { ErrorInfo, ReactNode } from 'react'
import { Component } from 'react'

interface Props {
  /** What failed, for the reviewer: "The workspace", "Turnline". */
  area: string
  children: ReactNode
}

interface State {
  error?: Error
}

/**
 * A rendering bug must not blank the page: the loaded call lives in the stores, outside React, so
 * showing the error and trying again keeps the reviewer's call and corrections.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {}

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`${this.props.area} failed to render`, error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div className="banner banner-error render-error" role="alert">
        <div>
          <strong>{this.props.area} hit an error and could not be shown.</strong> The loaded call
          and your corrections are kept; the export buttons still work.
          <pre>{error.message}</pre>
        </div>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    )
  }
}
